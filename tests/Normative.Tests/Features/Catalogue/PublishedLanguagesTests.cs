using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Normative.Features.Catalogue;
using Normative.Tests.Infrastructure;
using static Normative.Features.Catalogue.CatalogueApi;

namespace Normative.Tests.Features.Catalogue;

/// <summary>A deliverable published in one language only (French, Russian) imports and shows with its own title.</summary>
public class PublishedLanguagesTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private const string FrenchTitle = "Boulangerie artisanale — Vocabulaire des levains";
    private const string RussianTitle = "Хлебопечение — Словарь закваски";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task ImportAsync()
    {
        await factory.WithDemoAsync();
        var (result, problems) = await factory.ImportDeliverablesAsync(string.Join('\n',
            CatalogueFactory.Line(9301001, "ISO 93011:2026", "unused", 6060,
                ("title", new Dictionary<string, string> { ["fr"] = FrenchTitle }), ("languages", new[] { "fr" }),
                ("pages", new Dictionary<string, int> { ["fr"] = 12 }), ("publicationDate", "2026-11-30")),
            CatalogueFactory.Line(9301002, "ISO 93012:2026", "unused", 6060,
                ("title", new Dictionary<string, string> { ["ru"] = RussianTitle }), ("languages", new[] { "ru" }))));
        Assert.Equal("", problems);
        Assert.Equal(0, result.Rejected);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("ru")]
    public async Task AFrenchOnlyStandardShowsItsFrenchTitleInEveryLanguage(string culture)
    {
        await ImportAsync();

        var page = await factory.Browser().GetDocumentAsync($"/standard/9301001?culture={culture}");

        var title = page.QuerySelector("main h1 .standard-title")!;
        Assert.Equal(FrenchTitle, title.TextContent);
        Assert.Equal("fr", title.GetAttribute("lang"));
        Assert.Empty(page.QuerySelectorAll("main .other-title"));
        Assert.Contains(FrenchTitle, page.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task AStandardInAnyOneLanguageShowsThatTitle(string culture)
    {
        await ImportAsync();

        var page = await factory.Browser().GetDocumentAsync($"/standard/9301002?culture={culture}");

        var title = page.QuerySelector("main h1 .standard-title")!;
        Assert.Equal(RussianTitle, title.TextContent);
        Assert.Equal("ru", title.GetAttribute("lang"));
    }

    [Fact]
    public async Task SearchListsAndFeedsShowTheTitleItHas()
    {
        await ImportAsync();

        var search = await factory.Browser().GetDocumentAsync("/search?q=levains&culture=en");
        var hit = search.QuerySelectorAll(".result-title").Select(t => t.TextContent).ToList();
        Assert.Contains(FrenchTitle, hit);
        var russian = await factory.Browser().GetDocumentAsync("/search?q=" + Uri.EscapeDataString("закваски") + "&culture=en");
        Assert.Contains(RussianTitle, russian.QuerySelectorAll(".result-title").Select(t => t.TextContent));

        var response = await factory.CreateClient().GetAsync("/standards/feed.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var titles = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value);
        Assert.Contains($"ISO 93011:2026 — {FrenchTitle}", titles);
    }

    [Fact]
    public async Task TheApiAndTheExportGiveTheTitlesAsTheyAre()
    {
        await ImportAsync();
        var client = factory.CreateClient();

        var french = await client.GetFromJsonAsync<DeliverableResponse>("/api/v1/deliverables/9301001", Json);
        Assert.Null(french!.Title.En);
        Assert.Equal(FrenchTitle, french.Title.Fr);
        var russian = await client.GetFromJsonAsync<DeliverableResponse>("/api/v1/deliverables/9301002", Json);
        Assert.Equal(RussianTitle, russian!.OtherTitles!["ru"]);

        var export = await client.GetStringAsync("/api/v1/open-data/deliverables.jsonl");
        var line = export.Split('\n').Single(l => l.Contains("\"ISO 93012:2026\"", StringComparison.Ordinal));
        using var record = JsonDocument.Parse(line);
        Assert.Equal(RussianTitle, record.RootElement.GetProperty("title").GetProperty("ru").GetString());
        Assert.False(record.RootElement.GetProperty("title").TryGetProperty("en", out _));
    }

    [Fact]
    public void TheTitleFallsBackToEnglishThenFrenchThenThePublishedLanguage()
    {
        var others = new Dictionary<string, string> { ["es"] = "Panadería", ["de"] = "Bäckerei" };
        Assert.Equal(new LocalTitle("Baking", "en"), LocalTitle.Pick("ru", "Baking", "Boulangerie", others, ["en"], "ISO 1"));
        Assert.Equal(new LocalTitle("Panadería", "es"), LocalTitle.Pick("es", "Baking", null, others, ["en"], "ISO 1"));
        Assert.Equal(new LocalTitle("Boulangerie", "fr"), LocalTitle.Pick("es", null, "Boulangerie", null, ["fr"], "ISO 1"));
        Assert.Equal(new LocalTitle("Bäckerei", "de"), LocalTitle.Pick("ru", null, null, others, ["de", "es"], "ISO 1"));
        Assert.Equal(new LocalTitle("Bäckerei", "de"), LocalTitle.Pick("ru", null, null, others, [], "ISO 1"));
        Assert.Equal(new LocalTitle("ISO 1", "en"), LocalTitle.Pick("fr", null, " ", null, [], "ISO 1"));
    }
}
