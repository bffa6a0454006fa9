namespace Normative.Features.Development.Documents;

/// <summary>
/// What a comment form needs from an STS draft: its clauses in document order and the line numbers
/// it carries (none when the draft has no <c>&lt;?line N?&gt;</c> marks). Read by <see cref="StsReader"/>.
/// </summary>
public sealed record StsOutline(IReadOnlyList<StsClause> Clauses, IReadOnlyList<int> Lines)
{
    public static readonly StsOutline Empty = new([], []);

    public bool HasLines => Lines.Count > 0;

    /// <summary>The clause a comment names, compared as the draft writes it, ignoring letter case, spaces and a final full stop.</summary>
    public StsClause? Find(string? number)
    {
        var key = Key(number);
        return key.Length == 0 ? null : Clauses.FirstOrDefault(c => Key(c.Number) == key);
    }

    /// <summary>
    /// Whether every line a comment names ("17", "17-19", "17, 23") is a line of the draft. A range
    /// counts when both its ends are.
    /// </summary>
    public bool HasAllLines(string? lineNumbers)
    {
        if (string.IsNullOrWhiteSpace(lineNumbers))
        {
            return true;
        }
        foreach (var part in lineNumbers.Split([',', '-', '–'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line) || !ContainsLine(line))
            {
                return false;
            }
        }
        return true;
    }

    private bool ContainsLine(int line)
    {
        var lines = Lines as List<int> ?? [.. Lines];
        return lines.BinarySearch(line) >= 0;
    }

    private static string Key(string? number) =>
        string.Concat((number ?? "").Where(c => !char.IsWhiteSpace(c))).TrimEnd('.').ToUpperInvariant();
}
