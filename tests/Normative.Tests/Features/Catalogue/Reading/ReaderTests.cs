using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue.Reading;

public class ReaderTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static int _next = 710000;

    private async Task<(int Id, string Reference)> StandardWithTextAsync()
    {
        var id = Interlocked.Increment(ref _next);
        var reference = $"ISO {id}:2020";
        await factory.ImportDeliverablesAsync(CatalogueFactory.Line(id, reference, "Weighing instruments"));
        await TestTexts.LoadAsync(factory, id, TestTexts.Full(reference));
        await factory.RefreshVersionAsync();
        return (id, reference);
    }

    [Fact]
    public async Task AnonymousReadersSeeThePreviewAndNotClauseFourOnwards()
    {
        var (id, reference) = await StandardWithTextAsync();
        var page = await factory.Browser().GetDocumentAsync($"/standard/{id}/read?culture=en");
        var text = page.QuerySelector(".reader-text")!;
        Assert.Contains(reference, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("worldwide federation", text.TextContent, StringComparison.Ordinal);
        Assert.Contains("requirements for weighing instruments", text.TextContent, StringComparison.Ordinal);
        Assert.Equal("mass", page.QuerySelector("#sec_3\\.1 dfn")!.TextContent);
        Assert.Contains("resistance to acceleration", page.QuerySelector("#sec_3\\.1 .definition")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#sec_3.1", page.QuerySelector("#sec_3\\.2 a.entailed-term")!.GetAttribute("href"));

        Assert.Null(page.QuerySelector("#sec_4"));
        Assert.DoesNotContain("shall indicate", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("0.5 mg", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("kitchen balance", page.Body!.TextContent, StringComparison.Ordinal);
        var toc = page.QuerySelectorAll(".reader-toc li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(toc, t => t.StartsWith("4 Requirements", StringComparison.Ordinal) && t.Contains("licence holders", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector(".reader-preview"));

        var json = await factory.Browser().GetFromJsonAsync<JsonElement>($"/api/v1/deliverables/{id}/text");
        Assert.False(json.GetProperty("licensed").GetBoolean());
        var clauses = json.GetProperty("clauses").EnumerateArray().ToDictionary(c => c.GetProperty("anchor").GetString()!);
        Assert.True(clauses["sec_4"].GetProperty("locked").GetBoolean());
        Assert.Equal(JsonValueKind.Null, clauses["sec_4.1"].GetProperty("html").ValueKind);
        Assert.Contains("resistance to acceleration", clauses["sec_3.1"].GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEditorReadsEveryClauseWithItsTableFormulaFootnoteAndCrossReference()
    {
        var (id, _) = await StandardWithTextAsync();
        var (client, _) = await factory.SignInAsAsync("Editor");
        var page = await client.GetDocumentAsync($"/standard/{id}/read/en?culture=en");
        Assert.Contains("shall indicate the mass", page.QuerySelector("#sec_4")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#sec_3.1", page.QuerySelector("#sec_4 a.xref")!.GetAttribute("href"));
        Assert.Contains("Within its maximum capacity.", page.QuerySelector("#sec_4 #fn_1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Class", "Maximum error"], page.QuerySelectorAll("#tab_1 thead th[scope=col]").Select(th => th.TextContent));
        Assert.Equal("0.5 mg", page.QuerySelectorAll("#tab_1 td")[1].TextContent);
        Assert.NotNull(page.QuerySelector("#formula_1 math mfrac"));
        Assert.Contains("kitchen balance", page.QuerySelector("#sec_A")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".reader-preview"));
        // Headings follow the clauses' levels: clause 4 is h2, 4.1 is h3.
        Assert.Equal("H2", page.QuerySelector("#sec_4 > .clause-heading")!.TagName);
        Assert.Equal("H3", page.QuerySelector("#sec_4\\.1 > .clause-heading")!.TagName);

        var (api, _) = await factory.ApiClientAsync("Editor");
        var json = await api.GetFromJsonAsync<JsonElement>($"/api/v1/deliverables/{id}/text?lang=en");
        Assert.True(json.GetProperty("licensed").GetBoolean());
        var accuracy = json.GetProperty("clauses").EnumerateArray().Single(c => c.GetProperty("anchor").GetString() == "sec_4.1");
        Assert.Contains("<td>0.5 mg</td>", accuracy.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("<mfrac>", accuracy.GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryClauseHasAStableAnchorAndItsUrn()
    {
        var (id, _) = await StandardWithTextAsync();
        var page = await factory.Browser().GetDocumentAsync($"/standard/{id}/read?culture=en");
        var link = page.QuerySelector("#sec_3\\.1 .clause-link a")!;
        Assert.Equal("#sec_3.1", link.GetAttribute("href"));
        Assert.Equal($"urn:iso:std:iso:{id}:ed-1:en:sec:3.1", link.TextContent);
        Assert.Equal($"/standard/{id}/read/en#sec_3.1", Normative.Features.Catalogue.Reading.ReadingLinks.Clause(id, "en", "sec_3.1"));
    }

    [Fact]
    public async Task TheStandardPageSaysItCanBeReadOnlineOnlyWhenThereIsAText()
    {
        var (id, _) = await StandardWithTextAsync();
        var page = await factory.Browser().GetDocumentAsync($"/standard/{id}?culture=en");
        Assert.Equal($"/standard/{id}/read/en", page.QuerySelector(".read-online a")!.GetAttribute("href"));

        await factory.WithDemoAsync();
        var without = await factory.Browser().GetDocumentAsync("/standard/62085?culture=en");
        Assert.Null(without.QuerySelector(".read-online"));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync("/standard/62085/read")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync($"/standard/{id}/read/fr")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync($"/api/v1/deliverables/{id}/text?lang=fr")).StatusCode);
    }

    [Fact]
    public async Task TheSamplesReadBackThroughThePagesAndTheApi()
    {
        var id = Interlocked.Increment(ref _next);
        await factory.ImportDeliverablesAsync(CatalogueFactory.Line(id, $"ISO {id}:2020", "TBX examples"));
        await TestTexts.LoadAsync(factory, id, await File.ReadAllTextAsync(SharedData.PathTo("sts/tbx-examples.xml")), "tbx-examples.xml");

        // The terms and definitions are the preview: everyone reads them.
        var page = await factory.Browser().GetDocumentAsync($"/standard/{id}/read?culture=en");
        var text = page.QuerySelector(".reader-text")!;
        Assert.Contains(page.QuerySelectorAll(".clause-heading"), h => h.TextContent.Contains("Terms and definitions", StringComparison.Ordinal));
        var buoyancy = page.QuerySelectorAll(".term-entry").First(e => e.QuerySelector("dfn")?.TextContent == "buoyancy");
        Assert.Contains("resultant of upward forces", buoyancy.QuerySelector(".definition")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(text.QuerySelectorAll("math mtext"), m => m.TextContent == "lim");
        Assert.Contains(text.QuerySelectorAll("td"), td => td.TextContent == "208/1224");
        Assert.Contains(text.QuerySelectorAll(".footnote"), f => f.TextContent.Contains("Data not available for 1 trial.", StringComparison.Ordinal));

        var json = await factory.Browser().GetFromJsonAsync<JsonElement>($"/api/v1/deliverables/{id}/text");
        var html = string.Concat(json.GetProperty("clauses").EnumerateArray().Select(c => c.GetProperty("html").GetString()));
        Assert.Contains("<td class=\"align-center\">208/1224</td>", html, StringComparison.Ordinal);
        Assert.Contains("<mtext>lim</mtext>", html, StringComparison.Ordinal);
        Assert.Contains("Data not available for 1 trial.", html, StringComparison.Ordinal);
        Assert.Contains("<dfn>buoyancy</dfn>", html, StringComparison.Ordinal);
    }
}
