using System.Runtime.CompilerServices;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Normative.Cli.Demo;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.OpenData;

namespace Normative.Tests.Browser;

public class CatalogueBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly ConditionalWeakTable<BrowserFixture, Task> Loaded = [];

    private Task LoadDemoAsync() => Loaded.GetValue(browser, async b =>
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await CatalogueDemo.LoadAsync(sp.GetRequiredService<CatalogueImporter>(), sp.GetRequiredService<NormativeDb>(), TimeProvider.System, CancellationToken.None);
        await b.App.Services.GetRequiredService<CatalogueVersion>().RefreshAsync();
    });

    [Fact]
    public async Task VisitorSearchesFromTheHeaderFiltersAndOpensAStandard()
    {
        await LoadDemoAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.FillAsync("#site-search", "managment systems");
        await page.PressAsync("#site-search", "Enter");
        await BrowserFixture.ArriveAsync(page, url => url.Contains("/search?q=", StringComparison.Ordinal));
        Assert.Contains("management systems", await page.TextContentAsync(".notice[role=status]"), StringComparison.Ordinal);

        await page.ClickAsync("#facet-status ~ ul a:has-text('Published')");
        await BrowserFixture.ArriveAsync(page, url => url.Contains("status=published", StringComparison.Ordinal));
        Assert.NotNull(await page.QuerySelectorAsync(".chips a"));

        await page.ClickAsync(".result-link:has-text('ISO 9001:2015')");
        await BrowserFixture.ArriveAsync(page, url => url.EndsWith("/standard/62085", StringComparison.Ordinal));
        Assert.Equal("ISO 9001:2015", (await page.TextContentAsync("h1 .reference"))!.Trim());

        await page.ClickAsync(".lifecycle a:has-text('ISO 9001:2008')");
        await page.WaitForSelectorAsync(".notice-warn");
        Assert.Contains("withdrawn", await page.TextContentAsync(".notice-warn"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdentifierTypedLooselyGoesStraightToTheRightStandard()
    {
        await LoadDemoAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/standards");

        await page.FillAsync("#catalogue-q", "iso/iec 27001 2022");
        await page.ClickAsync(".search-hero button[type=submit]");
        await page.WaitForSelectorAsync(".result-exact");

        Assert.Contains("ISO/IEC 27001:2022", await page.TextContentAsync(".result-list li:first-child .reference"), StringComparison.Ordinal);
        Assert.Equal("27001", await page.TextContentAsync(".result-list li:first-child .reference mark"));
    }

    [Fact]
    public async Task VisitorBrowsesFromAFieldToAStandard()
    {
        await LoadDemoAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/standards");

        await page.ClickAsync(".ics-fields a[href='/ics/03']");
        await page.ClickAsync(".ics-table a[href='/ics/03.120']");
        await page.ClickAsync(".ics-table a[href='/ics/03.120.10']");
        await page.ClickAsync(".deliverable-list a:has-text('ISO 9000:2015')");

        Assert.Equal("ISO 9000:2015", (await page.TextContentAsync("h1 .reference"))!.Trim());
    }

    [Theory]
    [InlineData("/standards")]
    [InlineData("/standard/62085")]
    [InlineData("/standard/46486")]
    [InlineData("/standard/88431")]
    [InlineData("/search?q=quality+management&status=published")]
    [InlineData("/search?q=zzzzqqqq")]
    [InlineData("/ics")]
    [InlineData("/ics/03.120.10")]
    [InlineData("/committees")]
    [InlineData("/sectors")]
    [InlineData("/sectors/management")]
    [InlineData("/standard/62085?culture=ru")]
    [InlineData("/sdgs")]
    [InlineData("/sdgs/13?culture=fr")]
    [InlineData("/search?sdg=3")]
    public async Task CataloguePagesHaveNoSeriousAccessibilityViolations(string path)
    {
        await LoadDemoAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(path);

        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Fact]
    public async Task CommitteePageIsAccessibleAndSearchWorksOnAPhone()
    {
        await LoadDemoAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/committees");
        await page.ClickAsync("a:has-text('ISO/TC 176/SC 2')");
        Assert.DoesNotContain((await page.RunAxe()).Violations, v => v.Impact is "serious" or "critical");

        await page.GotoAsync("/search?q=9001");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The search page is {width} px wide on a 390 px screen.");
    }

    [Theory]
    [InlineData(320, "en")]
    [InlineData(390, "ru")]
    [InlineData(1024, "fr")]
    [InlineData(1366, "en")]
    public async Task TheHomeAndAStandardWithItsBuyBoxFitTheirWindow(int width, string culture)
    {
        await LoadDemoAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        foreach (var path in new[] { "/", "/standard/62085", "/search?q=9001" })
        {
            await page.GotoAsync($"{path}{(path.Contains('?', StringComparison.Ordinal) ? "&" : "?")}culture={culture}");
            var scroll = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scroll <= width, $"{path} in {culture} is {scroll} px wide in a {width} px window.");
            if (path.StartsWith("/standard", StringComparison.Ordinal))
            {
                // The buy box keeps inside the window, its buttons included.
                var right = await page.EvaluateAsync<double>("Math.max(...[...document.querySelectorAll('.store-offers button')].map(b => b.getBoundingClientRect().right))");
                Assert.True(right <= width, $"An 'Add to cart' button ends at {right} px in a {width} px window ({culture}).");
            }
        }
        await context.CloseAsync();
    }
}
