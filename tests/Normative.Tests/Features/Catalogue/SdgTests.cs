using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Catalogue.Sdgs;
using Normative.Tests.Infrastructure;
using static Normative.Features.Catalogue.CatalogueApi;

namespace Normative.Tests.Features.Catalogue;

public class SdgTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public void TheSeventeenGoalsHaveTheirOfficialColoursAndNamesInTheFourLanguages()
    {
        Assert.Equal(Enumerable.Range(1, 17), Sdg.All.Select(g => g.Number));
        Assert.Equal("#E5243B", Sdg.All[0].Colour);
        Assert.Equal("#19486A", Sdg.All[16].Colour);
        Assert.All(Sdg.All, g => Assert.Matches("^#[0-9A-F]{6}$", g.Colour));
        Assert.All(Sdg.All, g => Assert.Equal(["en", "es", "fr", "ru"], g.Names.Keys.Order()));
        Assert.All(Sdg.All, g => Assert.All(g.Names.Values, n => Assert.False(string.IsNullOrWhiteSpace(n))));
        Assert.Equal("Acting on climate", Sdg.All[12].Name("en"));
        Assert.Equal("Agir pour le climat", Sdg.All[12].Name("fr"));
        Assert.Null(Sdg.Find(18));
    }

    [Fact]
    public async Task AStandardServingGoalsIsListedUnderThemFilteredAndCountedInTheSearchAndCarriedByTheApi()
    {
        await factory.WithDemoAsync();
        await factory.ImportDeliverablesAsync(CatalogueFactory.Line(9100001, "ISO 99101:2021", "Ocean water sampling", changes: ("sdgs", new[] { 14, 6 })));
        var client = factory.CreateClient();

        var goal = await client.GetDocumentAsync("/sdgs/14?culture=en");
        Assert.Contains("Oceans and seas", goal.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(goal.QuerySelectorAll(".result-list .reference"), r => r.TextContent == "ISO 99101:2021");
        Assert.NotNull(goal.QuerySelector("#facet-type"));

        var filtered = await client.GetDocumentAsync("/search?sdg=6&committee=ISO%2FTC%20176&culture=en");
        Assert.Equal(["ISO 99101:2021"], filtered.QuerySelectorAll(".result-list .reference").Select(r => r.TextContent.Trim()));
        var all = await client.GetDocumentAsync("/search?q=ocean&culture=en");
        var sdgFacet = all.QuerySelectorAll("#facet-sdg ~ .facet-values a").Select(a => a.TextContent).ToList();
        Assert.Contains(sdgFacet, a => a.Contains("Goal 14: Oceans and seas", StringComparison.Ordinal) && a.Contains('1', StringComparison.Ordinal));

        var page = await client.GetDocumentAsync("/standard/9100001?culture=fr");
        Assert.Equal(["Objectif 6", "Objectif 14"], page.QuerySelectorAll(".sdg-links .sdg-number").Select(n => n.TextContent));

        var d = await client.GetFromJsonAsync<DeliverableResponse>("/api/v1/deliverables/9100001", Json);
        Assert.Equal([6, 14], d!.Sdgs);
        var list = await client.GetFromJsonAsync<DeliverableListResponse>("/api/v1/deliverables?sdg=14", Json);
        Assert.Contains(list!.Items, i => i.Id == 9100001);
        Assert.Contains(list.Facets.Sdg, f => f.Value == "14");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/deliverables?sdg=18")).StatusCode);
    }

    [Fact]
    public async Task AGoalServedByOneStandardSaysSoInTheSingular()
    {
        await using var fresh = new CatalogueFactory();
        await fresh.ImportDeliverablesAsync(CatalogueFactory.Line(9100011, "ISO 99111:2021", "Ocean acidity", changes: ("sdgs", new[] { 14 })));
        var client = fresh.CreateClient();

        Assert.Equal("1 norme sert cet objectif", (await client.GetDocumentAsync("/sdgs/14?culture=fr")).QuerySelector("#results-title")!.TextContent.Trim());
        Assert.Equal("1 standard serves this goal", (await client.GetDocumentAsync("/sdgs/14?culture=en")).QuerySelector("#results-title")!.TextContent.Trim());

        await fresh.ImportDeliverablesAsync(CatalogueFactory.Line(9100012, "ISO 99112:2021", "Ocean salinity", changes: ("sdgs", new[] { 14 })));
        Assert.Equal("2 normes servent cet objectif", (await client.GetDocumentAsync("/sdgs/14?culture=fr")).QuerySelector("#results-title")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheGoalsPageCountsPublishedStandardsPerGoalAndUnknownGoalsAreNotFound()
    {
        await factory.WithDemoAsync();
        var client = factory.CreateClient();

        var page = await client.GetDocumentAsync("/sdgs?culture=en");

        Assert.Equal(17, page.QuerySelectorAll(".sdg-list li").Length);
        var climate = page.QuerySelectorAll(".sdg-list li").Single(li => li.TextContent.Contains("Goal 13", StringComparison.Ordinal));
        var expected = await factory.WithDbAsync(db => db.Deliverables.CountAsync(d => d.Sdgs.Contains(13) && d.Status == Normative.Features.Catalogue.DeliverableStatus.Published && d.SupplementOf == null));
        Assert.True(expected > 0);
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), climate.QuerySelector(".count")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sdgs/18")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sdgs/0")).StatusCode);
    }

    [Fact]
    public async Task AnImportWithoutTheGoalsFieldKeepsTheGoalsAndAnEmptyListClearsThem()
    {
        await factory.WithDemoAsync();
        await factory.ImportDeliverablesAsync(CatalogueFactory.Line(9100002, "ISO 99102:2021", "Energy audits", changes: ("sdgs", new[] { 7 })));

        await factory.ImportDeliverablesAsync(CatalogueFactory.Line(9100002, "ISO 99102:2021", "Energy audits — Requirements"));
        Assert.Equal([7], await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id == 9100002).Select(d => d.Sdgs).SingleAsync()));

        await factory.ImportDeliverablesAsync(CatalogueFactory.Line(9100002, "ISO 99102:2021", "Energy audits — Requirements", changes: ("sdgs", null)));
        Assert.Empty(await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id == 9100002).Select(d => d.Sdgs).SingleAsync()));
    }

    [Fact]
    public async Task AGoalThatIsNotOneToSeventeenIsRefusedWithItsLine()
    {
        var (result, problems) = await factory.ImportDeliverablesAsync(
            CatalogueFactory.Line(9100003, "ISO 99103:2021", "Good line", changes: ("sdgs", new[] { 3 })) + "\n" +
            CatalogueFactory.Line(9100004, "ISO 99104:2021", "Bad line", changes: ("sdgs", new[] { 3, 18 })));

        Assert.Equal(1, result.Rejected);
        Assert.Contains("line 2", problems, StringComparison.Ordinal);
        Assert.Contains("sdgs", problems, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Deliverables.AnyAsync(d => d.Id == 9100004)));
    }

    [Fact]
    public async Task TheExportCarriesTheGoalsAndACatalogueWithoutGoalsExportsIsosShapeExactly()
    {
        await factory.WithDemoAsync();
        var client = factory.CreateClient();
        var json = await client.GetStringAsync("/api/v1/open-data/deliverables.jsonl");
        var csv = await client.GetStringAsync("/api/v1/open-data/deliverables.csv");
        Assert.Contains("\"reference\":\"ISO 14064-1:2018\"", json, StringComparison.Ordinal);
        Assert.Contains("\"sdgs\":[13]}", json, StringComparison.Ordinal);
        Assert.EndsWith(",scope.en,scope.fr,sdgs", csv.Split('\n')[0].TrimEnd('\r'), StringComparison.Ordinal);

        await using var plain = new CatalogueFactory();
        var lines = CatalogueFactory.Line(9100005, "ISO 99105:2021", "No goals") + "\n" + CatalogueFactory.Line(9100006, "ISO 99106:2021", "None either");
        await plain.ImportDeliverablesAsync(lines);
        var plainJson = await plain.CreateClient().GetStringAsync("/api/v1/open-data/deliverables.jsonl");
        var plainCsv = await plain.CreateClient().GetStringAsync("/api/v1/open-data/deliverables.csv");
        Assert.DoesNotContain("sdgs", plainJson, StringComparison.Ordinal);
        Assert.EndsWith(",scope.en,scope.fr", plainCsv.Split('\n')[0].TrimEnd('\r'), StringComparison.Ordinal);

        await using var again = new CatalogueFactory();
        await again.ImportDeliverablesAsync(plainCsv, "deliverables.csv");
        Assert.Equal(plainCsv, await again.CreateClient().GetStringAsync("/api/v1/open-data/deliverables.csv"));
        Assert.Equal(plainJson, await again.CreateClient().GetStringAsync("/api/v1/open-data/deliverables.jsonl"));
    }
}
