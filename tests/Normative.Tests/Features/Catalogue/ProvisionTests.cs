using System.Text;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Catalogue.Provisions;
using Normative.Features.Catalogue.Reading;
using Normative.Tests.Features.Catalogue.Reading;

namespace Normative.Tests.Features.Catalogue;

public class ProvisionTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static int _next = 760000;

    /// <summary>Clause 5 holds one provision of each kind, and a note and an example whose forms do not count.</summary>
    public const string RecordsClause = """
        <sec><label>5</label><title>Records</title>
        <p>Records should be kept for ten years. Copies may be made, e.g. on paper.</p>
        <p>Staff can help. Records shall not be altered.</p>
        <non-normative-note><p>A record shall not be a copy.</p></non-normative-note>
        <non-normative-example><p>Paper records may be scanned.</p></non-normative-example>
        </sec>
        """;

    /// <summary>A deliverable with an English text of clauses 1 (scope), 4 and 5 (see <see cref="RecordsClause"/>).</summary>
    public static async Task<(int Id, string Reference, int TextId)> TextAsync(CatalogueFactory factory, string body = RecordsClause, string lang = "en")
    {
        await factory.WithDemoAsync();
        var id = Interlocked.Increment(ref _next);
        var reference = $"ISO {id}:2020";
        var (result, problems) = await factory.ImportDeliverablesAsync(CatalogueFactory.Line(id, reference, "A standard with provisions"));
        Assert.True(result.Inserted == 1, problems);
        var xml = StsImportTests.Sts(reference, lang: lang).Replace("</body>", body + "</body>", StringComparison.Ordinal);
        var outcome = await factory.WithDbAsync(db => StsImport.ImportAsync(db, "provisions.xml", Encoding.UTF8.GetBytes(xml), new StsImportOptions(), DateTimeOffset.UtcNow, CancellationToken.None));
        return (id, reference, outcome.TextId);
    }

    [Fact]
    public async Task TheImportFindsEachProvisionOfTheClausesThatMayHoldThem()
    {
        var (_, _, textId) = await TextAsync(factory);

        var provisions = await factory.WithDbAsync(db => db.TextProvisions.Where(p => p.TextId == textId)
            .Join(db.TextClauses, p => new { p.TextId, Ordinal = p.ClauseOrdinal }, c => new { c.TextId, c.Ordinal }, (p, c) => new { c.Number, p.Ordinal, p.Kind, p.Negative, p.Text, p.Identifier })
            .OrderBy(p => p.Number).ThenBy(p => p.Ordinal).ToListAsync());

        Assert.Equal(
            [
                ("4", 1, ProvisionKind.Requirement, "The thing shall work."),
                ("5", 1, ProvisionKind.Recommendation, "Records should be kept for ten years."),
                ("5", 2, ProvisionKind.Permission, "Copies may be made, e.g. on paper."),
                ("5", 3, ProvisionKind.Possibility, "Staff can help."),
                ("5", 4, ProvisionKind.Requirement, "Records shall not be altered."),
            ],
            provisions.Select(p => (p.Number!, p.Ordinal, p.Kind, p.Text)));
        Assert.True(provisions[4].Negative);
        Assert.All(provisions, p => Assert.StartsWith("urn:iso:std:iso:", p.Identifier, StringComparison.Ordinal));
        Assert.EndsWith(":ed-1:en:sec:5:prov:4", provisions[4].Identifier, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFrenchTextHasItsProvisionsToo()
    {
        const string clause = """
            <sec><label>5</label><title>Enregistrements</title>
            <p>Il convient de conserver les enregistrements. Les enregistrements ne doivent pas être modifiés.</p>
            </sec>
            """;
        var (_, _, textId) = await TextAsync(factory, clause, "fr");

        var kinds = await factory.WithDbAsync(db => db.TextProvisions.Where(p => p.TextId == textId).OrderBy(p => p.ClauseOrdinal).ThenBy(p => p.Ordinal)
            .Select(p => p.Kind).ToListAsync());

        Assert.Equal([ProvisionKind.Recommendation, ProvisionKind.Requirement], kinds);
    }
}
