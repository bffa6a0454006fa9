using System.Globalization;
using System.Text.Json;
using Normative.Features.Catalogue.Identifiers;

namespace Normative.Tests.Features.Catalogue.Identifiers;

/// <summary>Every real identifier in shared/data/identifiers, one theory case per file.</summary>
public class PublicationIdentifierFileTests
{
    private const int ShownFailures = 20;

    public static TheoryData<string> IsoFiles => IdentifierFile.IsoFiles();

    [Theory]
    [MemberData(nameof(IsoFiles))]
    public void EveryLineParses(string file) =>
        AssertEveryLine(file, text =>
            PublicationIdentifier.TryParse(text, out _, out var error) ? null : error);

    [Theory]
    [MemberData(nameof(IsoFiles))]
    public void RenderingThenParsingGivesTheSameIdentifier(string file) =>
        AssertEveryLine(file, text =>
        {
            var id = PublicationIdentifier.Parse(text);
            var again = PublicationIdentifier.Parse(id.ToString());
            return again == id ? null : $"renders as '{id}', which reads back as something else: {again}";
        });

    [Theory]
    [MemberData(nameof(IsoFiles))]
    public void CanonicalRenderingIsIdempotent(string file) =>
        AssertEveryLine(file, text =>
        {
            var canonical = PublicationIdentifier.Parse(text).ToString();
            var again = PublicationIdentifier.Parse(canonical).ToString();
            return again == canonical ? null : $"'{canonical}' renders again as '{again}'";
        });

    [Theory]
    [MemberData(nameof(IsoFiles))]
    public void FrenchAndRussianFormsReadBackToTheSameIdentifier(string file) =>
        AssertEveryLine(file, text =>
        {
            var id = PublicationIdentifier.Parse(text);
            foreach (var culture in new[] { "fr-FR", "ru-RU" })
            {
                var local = id.ToString(CultureInfo.GetCultureInfo(culture));
                if (!PublicationIdentifier.TryParse(local, out var again, out var error) || again != id)
                {
                    return $"{culture} form '{local}' reads back as {(again?.ToString() ?? error)}";
                }
            }

            return null;
        });

    [Theory]
    [MemberData(nameof(IsoFiles))]
    public void UrnKeepsEverythingAUrnCanCarry(string file) =>
        AssertEveryLine(file, text =>
        {
            var id = PublicationIdentifier.Parse(text);
            var urn = id.ToUrn();
            if (!PublicationIdentifier.TryParse(urn, out var again, out var error))
            {
                return $"URN '{urn}' does not read back: {error}";
            }

            var expected = WithoutWhatUrnsCannotCarry(id);
            return again == expected ? null : $"URN '{urn}' reads back as '{again}', not '{expected}'";
        });

    [Fact]
    public void IecIdentifiersAreRecognisedAndOtherBodiesAreRejectedWithTheirName()
    {
        foreach (var (_, text) in IdentifierFile.Read(IdentifierFile.NonIso))
        {
            var parsed = PublicationIdentifier.TryParse(text, out var id, out var error);
            if (text.StartsWith("IEC", StringComparison.Ordinal))
            {
                Assert.True(parsed, $"{text}: {error}");
                Assert.Equal("IEC", id!.Publisher);
                Assert.True(id.Copublishers.IsEmpty);
            }
            else
            {
                Assert.False(parsed, $"{text} should be rejected but reads as {id}");
                Assert.Contains(text.Split('/', ' ')[0], error, StringComparison.Ordinal);
                Assert.Contains("not an ISO or IEC publisher", error, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void SampleDeliverableReferencesParseToTheirTypeAndSupplement()
    {
        var lines = File.ReadAllLines(SharedData.PathTo("sample-deliverables.jsonl"));
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var deliverable = json.RootElement;
            var reference = deliverable.GetProperty("reference").GetString()!;
            var id = PublicationIdentifier.Parse(reference);

            Assert.Equal(reference, id.ToString());
            Assert.Equal(deliverable.GetProperty("deliverableType").GetString(), id.Type.ToString());
            var supplementType = deliverable.TryGetProperty("supplementType", out var value) ? value.GetString() : null;
            Assert.Equal(supplementType, id.Supplements.Select(s => s.Kind.ToString()).LastOrDefault());
        }
    }

    /// <summary>Iterations and a supplement's month have no place in RFC 5141.</summary>
    internal static PublicationIdentifier WithoutWhatUrnsCannotCarry(PublicationIdentifier id) => id with
    {
        Iteration = null,
        Supplements = new(id.Supplements.Select(s => s with { Iteration = null, Month = null })),
    };

    /// <summary>Checks every line and reports all failures together, naming the first few with their line numbers.</summary>
    private static void AssertEveryLine(string file, Func<string, string?> problemWith)
    {
        var lines = IdentifierFile.Read(file).ToList();
        Assert.NotEmpty(lines);
        var failures = new List<string>();
        foreach (var (line, text) in lines)
        {
            string? problem;
            try
            {
                problem = problemWith(text);
            }
            catch (FormatException e)
            {
                problem = e.Message;
            }

            if (problem is not null)
            {
                failures.Add($"{file}:{line} '{text}': {problem}");
            }
        }

        Assert.True(
            failures.Count == 0,
            $"{failures.Count} of {lines.Count} lines failed; the first {Math.Min(ShownFailures, failures.Count)}:\n"
                + string.Join('\n', failures.Take(ShownFailures)));
    }
}
