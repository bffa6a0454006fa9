using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Catalogue.Provisions;
using Normative.Features.Catalogue.Reading;
using Normative.Tests.Features.Catalogue.Reading;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue;

public class ProvisionTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static int _next = 760000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

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

    [Fact]
    public async Task EveryoneGetsTheCountsPerKindAndALicenceHolderEachProvisionWithItsClause()
    {
        var (id, _, _) = await TextAsync(factory);

        var anonymous = await factory.CreateClient().GetFromJsonAsync<ProvisionsApi.ProvisionsResponse>($"/api/v1/deliverables/{id}/provisions", Json);
        Assert.Equal(5, anonymous!.Total);
        Assert.Equal(new Dictionary<string, int> { ["requirement"] = 2, ["recommendation"] = 1, ["permission"] = 1, ["possibility"] = 1 }, anonymous.Counts);
        Assert.False(anonymous.Licensed);
        Assert.Null(anonymous.Provisions);

        var (editor, _) = await factory.ApiClientAsync(Roles.Editor);
        var full = await editor.GetFromJsonAsync<ProvisionsApi.ProvisionsResponse>($"/api/v1/deliverables/{id}/provisions", Json);
        Assert.True(full!.Licensed);
        Assert.Equal(["4", "5", "5", "5", "5"], full.Provisions!.Select(p => p.Clause));
        Assert.All(full.Provisions!, p => Assert.Equal($"/standard/{id}/read/en#sec_{p.Clause}", p.Url));
        var requirements = await editor.GetFromJsonAsync<ProvisionsApi.ProvisionsResponse>($"/api/v1/deliverables/{id}/provisions?kind=requirement", Json);
        Assert.Equal(["The thing shall work.", "Records shall not be altered."], requirements!.Provisions!.Select(p => p.Text));
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync($"/api/v1/deliverables/{id}/provisions?kind=must")).StatusCode);
        Assert.Contains("/api/v1/deliverables/{id}/provisions", await factory.CreateClient().GetStringAsync("/openapi/v1.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProvisionsOfASampleTextAreCountedByKindAndEachLinksBackToItsClause()
    {
        await factory.WithDemoAsync();
        var id = Interlocked.Increment(ref _next);
        var (result, problems) = await factory.ImportDeliverablesAsync(CatalogueFactory.Line(id, $"ISO {id}:2020", "A sample text"));
        Assert.True(result.Inserted == 1, problems);
        var bytes = await File.ReadAllBytesAsync(SharedData.PathTo("sts/feature_doc.xml"));
        await factory.WithDbAsync(db => StsImport.ImportAsync(db, "feature_doc.xml", bytes, new StsImportOptions(id), DateTimeOffset.UtcNow, CancellationToken.None));
        var (editor, _) = await factory.ApiClientAsync(Roles.Editor);

        var provisions = await editor.GetFromJsonAsync<ProvisionsApi.ProvisionsResponse>($"/api/v1/deliverables/{id}/provisions", Json);

        Assert.True(provisions!.Total > 0);
        Assert.Equal(provisions.Total, provisions.Counts.Values.Sum());
        Assert.Equal(provisions.Total, provisions.Provisions!.Count);
        var reader = await editor.GetDocumentAsync(provisions.Provisions[0].Url.Split('#')[0]);
        Assert.All(provisions.Provisions, p => Assert.NotNull(reader.GetElementById(p.Url.Split('#')[1])));
    }

    [Fact]
    public async Task ALicenceHolderFiltersTheTextToItsRequirementsClauseByClause()
    {
        var (id, _, _) = await TextAsync(factory);
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);

        var page = await editor.GetDocumentAsync($"/standard/{id}/provisions?lang=en&kind=requirement&culture=en");

        Assert.Equal(["4 Requirements", "5 Records"], page.QuerySelectorAll(".provision-clause h2").Select(h => h.TextContent.Trim()));
        Assert.Equal($"/standard/{id}/read/en#sec_5", page.QuerySelectorAll(".provision-clause h2 a")[1].GetAttribute("href"));
        Assert.Equal(["The thing shall work.", "Records shall not be altered."],
            page.QuerySelectorAll(".provision").Select(p => p.ChildNodes.OfType<AngleSharp.Dom.IText>().First(t => t.Data.Trim().Length > 0).Data.Trim()));
        Assert.Contains("Requirements (2)", page.QuerySelector(".provision-filter")!.TextContent, StringComparison.Ordinal);

        var anonymous = await factory.Browser().GetDocumentAsync($"/standard/{id}/provisions?lang=en&culture=en");
        Assert.Empty(anonymous.QuerySelectorAll(".provision"));
        Assert.DoesNotContain("altered", anonymous.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(anonymous.QuerySelector(".provisions-licence"));
        Assert.Contains("All provisions (5)", anonymous.QuerySelector(".provision-filter")!.TextContent, StringComparison.Ordinal);
    }
}
