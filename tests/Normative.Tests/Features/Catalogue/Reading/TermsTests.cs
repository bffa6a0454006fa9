using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue.Reading;

public class TermsTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static readonly ConditionalWeakTable<CatalogueFactory, Task> Loaded = [];

    /// <summary>The TBX examples (ISO 10241-1, Annex A) as one standard's text, and the test text as two others: loaded once per class.</summary>
    private Task LoadAsync() => Loaded.GetValue(factory, f => LoadOnceAsync(f));

    private static async Task LoadOnceAsync(CatalogueFactory f)
    {
        await f.ImportDeliverablesAsync(string.Join('\n',
            CatalogueFactory.Line(730001, "ISO 730001:2020", "TBX examples"),
            CatalogueFactory.Line(730002, "ISO 730002:2020", "Weighing instruments"),
            CatalogueFactory.Line(730003, "ISO 730003:2021", "Weighing, again")));
        await TestTexts.LoadAsync(f, 730001, await File.ReadAllTextAsync(SharedData.PathTo("sts/tbx-examples.xml")), "tbx-examples.xml");
        await TestTexts.LoadAsync(f, 730002, TestTexts.Full("ISO 730002:2020"));
        await TestTexts.LoadAsync(f, 730003, TestTexts.Full("ISO 730003:2021").Replace("resistance to acceleration", "inertia, in kilograms", StringComparison.Ordinal));
    }

    /// <summary>Held back from the search's tuning: a query, a language filter, and the start of the definition that must come first.</summary>
    public static TheoryData<string, string?, string> QuerySet() => new()
    {
        { "buoyancy", null, "resultant of upward forces" },
        { "bouyancy", null, "resultant of upward forces" },
        { "Chart dat", null, "reference level for soundings" },
        { "CD", "en", "reference level for soundings" },
        { "glue", null, "substance capable of holding materials together" },
        { "reunion", null, "opération booléenne" },
        { "defaillance", "fr", "espérance de la durée moyenne" },
        { "reynolds", "en", "numerical reference that indicates" },
        { "marteau piqueur", null, "machine portative hydraulique" },
        { "область", null, "совокупность взаимосвязанных" },
        { "Mètre", "fr", "longueur du trajet parcouru" },
        { "incandesence", null, "glowing produced without combustion" },
        { "fire", null, "process of combustion" },
        { "absolute", null, "pressure using absolute vacuum" },
    };

    [Theory]
    [MemberData(nameof(QuerySet))]
    public async Task TheApiPutsTheExpectedDefinitionFirst(string query, string? lang, string expected)
    {
        await LoadAsync();
        var url = "/api/v1/terms?q=" + Uri.EscapeDataString(query) + (lang is null ? "" : "&lang=" + lang);
        var json = await factory.CreateClient().GetFromJsonAsync<JsonElement>(url);
        var first = json.GetProperty("hits")[0].GetProperty("definitions")[0];
        var text = System.Text.RegularExpressions.Regex.Replace(first.GetProperty("definition").GetString()!, "<[^>]+>", "");
        Assert.StartsWith(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHitLinksIntoTheReaderAndNamesTheOtherLanguages()
    {
        await LoadAsync();
        var json = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/terms?q=absolute%20pressure");
        var hit = json.GetProperty("hits")[0];
        Assert.Equal("absolute pressure", hit.GetProperty("term").GetString());
        var d = hit.GetProperty("definitions")[0];
        Assert.Equal("ISO 730001:2020", d.GetProperty("reference").GetString());
        Assert.StartsWith("/standard/730001/read/en#sec_ISO10241-1.a", d.GetProperty("url").GetString(), StringComparison.Ordinal);
        var others = d.GetProperty("otherLanguages").EnumerateArray().Select(o => (o.GetProperty("language").GetString(), o.GetProperty("term").GetString())).ToList();
        Assert.Contains(("fr", "pression absolue"), others);
        Assert.Contains(("de", "Absolutdruck"), others);

        var synonyms = (await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/terms?q=adhesive"))
            .GetProperty("hits")[0].GetProperty("definitions")[0].GetProperty("synonyms").EnumerateArray().Select(s => s.GetProperty("term").GetString());
        Assert.Equal(["glue"], synonyms);
    }

    [Fact]
    public async Task ATermDefinedInSeveralStandardsShowsEveryDefinitionSideBySide()
    {
        await LoadAsync();
        var page = await factory.Browser().GetDocumentAsync("/terms?q=mass&culture=en");
        var hit = page.QuerySelectorAll(".term-hit").First(h => h.QuerySelector(".term-name")!.TextContent.StartsWith("mass", StringComparison.Ordinal));
        var definitions = hit.QuerySelectorAll(".term-definition").ToList();
        Assert.Equal(2, definitions.Count);
        Assert.Contains(definitions, d => d.TextContent.Contains("resistance to acceleration", StringComparison.Ordinal) && d.QuerySelector("a")!.GetAttribute("href") == "/standard/730002/read/en#sec_3.1");
        Assert.Contains(definitions, d => d.TextContent.Contains("inertia, in kilograms", StringComparison.Ordinal) && d.QuerySelector(".term-source")!.TextContent.Contains("ISO 730003:2021, 3.1", StringComparison.Ordinal));
        Assert.Contains("Note 1 to entry", definitions[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTermsPageAndApiSayWhenNothingMatchesOrTheQueryIsBad()
    {
        await LoadAsync();
        var page = await factory.Browser().GetDocumentAsync("/terms?q=zzzqqqxxx&culture=en");
        Assert.Contains("No term matches", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var empty = await factory.Browser().GetDocumentAsync("/terms?culture=en");
        Assert.Null(empty.QuerySelector(".term-hits"));

        Assert.Equal(HttpStatusCode.BadRequest, (await factory.CreateClient().GetAsync("/api/v1/terms")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.CreateClient().GetAsync("/api/v1/terms?q=x&lang=english")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.CreateClient().GetAsync("/api/v1/terms?q=x&page=0")).StatusCode);
        var openApi = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/v1/terms\"", openApi, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/deliverables/{id}/text\"", openApi, StringComparison.Ordinal);
    }
}
