using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Normative.Cli.Demo;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.OpenData;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Browser;

public class CatalogueStewardshipBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<int> LoadDemoAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<NormativeDb>();
        await CatalogueDemo.LoadAsync(sp.GetRequiredService<CatalogueImporter>(), db, TimeProvider.System, CancellationToken.None);
        await browser.App.Services.GetRequiredService<CatalogueVersion>().RefreshAsync();
        return await db.Deliverables.Where(d => d.Reference == "ISO 50001:2018").Select(d => d.Id).SingleAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Fact]
    public async Task AnEditorCorrectsAFrenchTitleAndAddsAGoalAndVisitorsSeeItAtOnce()
    {
        var id = await LoadDemoAsync();
        var earlier = await browser.NewPageAsync();
        // The pages are in the server's output cache before the change.
        await earlier.GotoAsync($"/standard/{id}?culture=fr");
        Assert.DoesNotContain("Exigences et lignes directrices corrigées", await earlier.TextContentAsync("h1") ?? "", StringComparison.Ordinal);
        await earlier.GotoAsync("/sdgs/12?culture=fr");
        Assert.Equal(0, await earlier.Locator($"a[href='/standard/{id}']").CountAsync());

        var editor = await browser.App.CreateUserAsync("Editor");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#Input_Email", editor.Email!);
        await page.FillAsync("#Input_Password", NormativeFactory.Password);
        await page.ClickAsync("main button[type=submit]");
        await BrowserFixture.ArriveAsync(page, u => u.EndsWith("/account", StringComparison.Ordinal));
        await page.GotoAsync($"/standard/{id}");
        await page.ClickAsync(".editor-links a.button");
        await BrowserFixture.ArriveAsync(page, u => u.Contains($"/standard/{id}/edit", StringComparison.Ordinal));
        await AssertAccessibleAsync(page);

        await page.FillAsync("#Input_TitleFr", "Systèmes de management de l'énergie — Exigences et lignes directrices corrigées");
        await page.CheckAsync("#Input_Sdgs_12");
        await page.ClickAsync("form.record-form button[type=submit]");
        await BrowserFixture.ArriveAsync(page, u => u.EndsWith($"/standard/{id}", StringComparison.Ordinal));
        Assert.Contains("2", await page.TextContentAsync("p.notice[role=status]") ?? "", StringComparison.Ordinal);

        // A visitor arriving now (a browser that may keep its own copy up to CatalogueHttpCache.MaxAgeSeconds has none yet).
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/standard/{id}?culture=fr");
        Assert.Contains("Exigences et lignes directrices corrigées", await visitor.TextContentAsync("h1") ?? "", StringComparison.Ordinal);
        Assert.Equal(1, await visitor.Locator(".sdg-links a[href='/sdgs/12']").CountAsync());
        await visitor.GotoAsync("/sdgs/12?culture=fr");
        Assert.Equal(1, await visitor.Locator($".result-list a[href='/standard/{id}']").CountAsync());
        await visitor.GotoAsync("/search?sdg=12&culture=fr");
        Assert.Equal(1, await visitor.Locator($".result-list a[href='/standard/{id}']").CountAsync());
        Assert.Equal(1, await visitor.Locator("#facet-sdg ~ .facet-values a[aria-current='true']").CountAsync());
        var export = await visitor.APIRequest.GetAsync("/api/v1/open-data/deliverables.jsonl");
        Assert.Contains("Exigences et lignes directrices corrigées", await export.TextAsync(), StringComparison.Ordinal);

        await page.ClickAsync($".editor-links a[href='/standard/{id}/history']");
        await BrowserFixture.ArriveAsync(page, u => u.EndsWith($"/standard/{id}/history", StringComparison.Ordinal));
        var history = await page.TextContentAsync("table.history") ?? "";
        Assert.Contains(editor.Email!, history, StringComparison.Ordinal);
        Assert.Contains("lignes directrices corrigées", history, StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task TheEditorsPagesAreAccessibleWithTheirMessages()
    {
        var id = await LoadDemoAsync();
        var editor = await browser.App.CreateUserAsync("Editor");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#Input_Email", editor.Email!);
        await page.FillAsync("#Input_Password", NormativeFactory.Password);
        await page.ClickAsync("main button[type=submit]");
        await BrowserFixture.ArriveAsync(page, u => u.EndsWith("/account", StringComparison.Ordinal));

        await page.GotoAsync($"/standard/{id}/edit?culture=ru");
        await page.FillAsync("#Input_IcsCodes", "99.999.99");
        await page.ClickAsync("form.record-form button[type=submit]");
        await page.Locator("#err-IcsCodes").WaitForAsync();
        await AssertAccessibleAsync(page);
        foreach (var path in new[] { "/standards/new", "/standards/bulk?committee=ISO%2FTC%20176", "/standards?culture=es" })
        {
            await page.GotoAsync(path);
            await AssertAccessibleAsync(page);
        }
    }
}
