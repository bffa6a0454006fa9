using System.Net.Http.Json;
using System.Text.Json;
using Normative.Tests.Infrastructure;
using static Normative.Features.Catalogue.CatalogueApi;

namespace Normative.Tests.Features.Catalogue;

/// <summary>The catalogue's search finds standards by the words of their full texts, below matches in their records.</summary>
public class TextSearchTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Body = """
        <sec sec-type="intro"><title>Introduction</title><p>Bakers have long kept a quillwort starter in cool cellars.</p></sec>
        <sec><label>5</label><title>Fermentation vessels</title><p>Zymurgical vessels shall be sealed with beeswax.</p></sec>
        """;

    [Fact]
    public async Task AWordOfTheLicensedTextFindsTheStandardAndNamesItsClauseWithoutItsWords()
    {
        var (id, reference, _) = await ProvisionTests.TextAsync(factory, Body);

        var page = await factory.Browser().GetDocumentAsync("/search?q=zymurgical&culture=en");

        var hit = page.QuerySelectorAll(".result").Single(r => r.QuerySelector(".reference")!.TextContent == reference);
        Assert.Equal($"/standard/{id}", hit.QuerySelector("a.result-link")!.GetAttribute("href"));
        Assert.Equal("Found in the text: 5 Fermentation vessels", hit.QuerySelector(".result-clause")!.TextContent.Trim());
        Assert.Null(hit.QuerySelector(".result-snippet"));
        Assert.DoesNotContain("beeswax", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);

        var api = await factory.CreateClient().GetFromJsonAsync<DeliverableListResponse>("/api/v1/deliverables?q=zymurgical", Json);
        var item = api!.Items.Single(i => i.Id == id);
        Assert.Equal(new MatchedClauseResponse("5", "Fermentation vessels", "sec_5", "en"), item.MatchedClause);
    }

    [Fact]
    public async Task AClauseOfTheFreePreviewShowsASnippetWithTheWordMarked()
    {
        var (_, reference, _) = await ProvisionTests.TextAsync(factory, Body);

        var page = await factory.Browser().GetDocumentAsync("/search?q=quillwort&culture=fr");

        var hit = page.QuerySelectorAll(".result").Single(r => r.QuerySelector(".reference")!.TextContent == reference);
        Assert.Contains("Introduction", hit.QuerySelector(".result-clause")!.TextContent, StringComparison.Ordinal);
        var snippet = hit.QuerySelector(".result-snippet")!;
        Assert.Equal("quillwort", snippet.QuerySelector("mark")!.TextContent);
        Assert.Contains("cool cellars", snippet.TextContent, StringComparison.Ordinal);
        Assert.Equal("en", snippet.GetAttribute("lang"));
    }

    [Fact]
    public async Task AMatchInATitleRanksAboveAMatchInAText()
    {
        var (_, inText, _) = await ProvisionTests.TextAsync(factory, Body);
        var (result, problems) = await factory.ImportDeliverablesAsync(CatalogueFactory.Line(9402001, "ISO 94020:2021", "Zymurgical vessels — Vocabulary"));
        Assert.Equal("", problems);

        var page = await factory.Browser().GetDocumentAsync("/search?q=zymurgical+vessels&culture=en");

        var references = page.QuerySelectorAll(".result .reference").Select(r => r.TextContent).ToList();
        Assert.True(references.IndexOf("ISO 94020:2021") is >= 0 and var title && references.IndexOf(inText) > title, string.Join(", ", references));
        Assert.Null(page.QuerySelectorAll(".result").First(r => r.QuerySelector(".reference")!.TextContent == "ISO 94020:2021").QuerySelector(".result-clause"));
    }
}
