using Microsoft.Playwright;
using Normative.Tests.Features.Catalogue.Reading;
using Normative.Tests.Features.Store;

namespace Normative.Tests.Browser;

/// <summary>What changed between two editions, and a text's provisions: readable, accessible, and within a 320 px phone.</summary>
public class ChangesAndProvisionsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Older = """
        <sec><label>5</label><title>Calibration</title><p>The balance shall be calibrated yearly by a laboratory accredited for the mass of weights of every class listed in Table 1.</p></sec>
        <sec><label>6</label><title>Cleaning</title><p>The balance should be cleaned weekly.</p></sec>
        """;

    private const string Newer = """
        <sec><label>5</label><title>Calibration</title><p>The balance shall be calibrated monthly by a laboratory accredited for the mass of weights of every class listed in Table 1.</p></sec>
        <sec><label>8</label><title>Audits</title><p>The enclosure shall:</p><list><list-item><label>a)</label><p>be audited twice a year;</p></list-item><list-item><label>b)</label><p>keep its records for ten years.</p></list-item></list>
        <p>Audits may be made remotely. Humidity can affect the readings.</p></sec>
        """;

    [Theory]
    [InlineData(320)]
    [InlineData(1366)]
    public async Task TheChangesAndTheProvisionsPagesAreAccessibleAndFitTheWindow(int width)
    {
        var n = StoreTestData.NextId() % 90000 + 10000;
        var older = await StoreTestData.AddDeliverableAsync(browser.App, $"ISO {n}:2016", stage: 9599);
        var newer = await StoreTestData.AddDeliverableAsync(browser.App, $"ISO {n}:2024", replaces: [older.Id]);
        await TestTexts.LoadAsync(browser.App, older.Id, StsImportTests.Sts(older.Reference).Replace("</body>", Older + "</body>", StringComparison.Ordinal));
        await TestTexts.LoadAsync(browser.App, newer.Id, StsImportTests.Sts(newer.Reference).Replace("</body>", Newer + "</body>", StringComparison.Ordinal));
        var editor = await browser.App.CreateUserAsync("Editor");
        var page = await browser.SignedInAsync(editor.Email!);
        await page.SetViewportSizeAsync(width, 900);

        await page.GotoAsync($"/standard/{newer.Id}/changes?from={older.Id}&culture=en");
        Assert.Equal("sec_5", await page.Locator(".change-changed").GetAttributeAsync("id"));
        Assert.Equal("monthly", await page.TextContentAsync(".change-changed ins"));
        await AssertFitsAsync(page, width);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync($"/standard/{newer.Id}/provisions?culture=en");
        var body = await page.TextContentAsync("main");
        Assert.Contains("The enclosure shall: a) be audited twice a year;", body, StringComparison.Ordinal);
        Assert.Contains("The enclosure shall: b) keep its records for ten years.", body, StringComparison.Ordinal);
        await AssertFitsAsync(page, width);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync($"/standard/{newer.Id}/provisions?kind=requirement&culture=en");
        Assert.DoesNotContain("remotely", await page.TextContentAsync("main"), StringComparison.Ordinal);
        await AssertFitsAsync(page, width);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var scroll = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scroll <= width, $"{page.Url} is {scroll} px wide in a {width} px window.");
    }
}
