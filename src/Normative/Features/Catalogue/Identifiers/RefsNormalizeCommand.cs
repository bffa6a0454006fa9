namespace Normative.Features.Catalogue.Identifiers;

/// <summary>
/// <c>normative refs normalize</c>: reads identifiers one a line and writes
/// <c>input&lt;TAB&gt;canonical&lt;TAB&gt;urn</c>, or <c>input&lt;TAB&gt;ERROR&lt;TAB&gt;reason</c>.
/// Blank lines and lines starting with '#' are skipped, and a trailing " # comment" is not part
/// of the identifier, so annotated lists such as the shared test data read as they are.
/// </summary>
public static class RefsNormalizeCommand
{
    public const int AllParsed = 0;
    public const int SomeFailed = 2;

    public static async Task<int> RunAsync(TextReader input, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);

        var exitCode = AllParsed;
        while (await input.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            var text = WithoutComment(line).Replace('\t', ' ').Trim();
            if (text.Length == 0)
            {
                continue;
            }

            string result;
            if (PublicationIdentifier.TryParse(text, out var id, out var error))
            {
                result = $"{text}\t{id}\t{id.ToUrn()}";
            }
            else
            {
                result = $"{text}\tERROR\t{error}";
                exitCode = SomeFailed;
            }

            await output.WriteLineAsync(result.AsMemory(), ct).ConfigureAwait(false);
        }

        await output.FlushAsync(ct).ConfigureAwait(false);
        return exitCode;
    }

    private static string WithoutComment(string line)
    {
        var trimmed = line.AsSpan().TrimStart();
        if (trimmed.StartsWith('#'))
        {
            return string.Empty;
        }

        var comment = line.IndexOf(" #", StringComparison.Ordinal);
        return comment < 0 ? line : line[..comment];
    }
}
