using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Normative.Tests.Features.Certification;

namespace Normative.Tests.Browser;

public class CertificationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static void NoSeriousViolations(AxeResult result)
    {
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Fact]
    public async Task VisitorVerifiesACertificateAndFindsItByName()
    {
        var body = await browser.App.CreateBodyAsync();
        await browser.App.ImportAsync(RegistryWorld.Csv(
            RegistryWorld.Row("BR-2024-001", body.Code, organization: "Browserton Foundry Ltd"),
            RegistryWorld.Row("BR-2024-002", body.Code, organization: "Browserton Bakery Ltd", status: "Withdrawn")));
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/certification");
        NoSeriousViolations(await page.RunAxe());

        await page.FillAsync("#number", "BR-2024-001");
        await page.SelectOptionAsync("#cb", body.Code);
        await page.ClickAsync("#verify-form button[type=submit]");
        await page.WaitForSelectorAsync(".verdict-valid");
        Assert.Contains("Valid today", await page.TextContentAsync(".verdict-valid"), StringComparison.Ordinal);
        NoSeriousViolations(await page.RunAxe());

        await page.ClickAsync("text=Full details of certificate BR-2024-001");
        await page.WaitForSelectorAsync("h1:has-text('Certificate BR-2024-001')");
        // The QR code loads (a broken image would never get a width).
        // (Polled from here: Playwright's own polling of a string predicate needs eval, which the CSP forbids.)
        const string loaded = "img => img.complete && img.naturalWidth > 0";
        for (var i = 0; i < 100 && !await page.EvalOnSelectorAsync<bool>(".verify-card img", loaded); i++)
        {
            await Task.Delay(100);
        }
        Assert.True(await page.EvalOnSelectorAsync<bool>(".verify-card img", loaded));
        NoSeriousViolations(await page.RunAxe());

        await page.GotoAsync("/certification");
        await page.FillAsync("#organization", "browsertn");
        await page.ClickAsync("#search-form button[type=submit]");
        await page.WaitForSelectorAsync("table");
        var rows = await page.Locator("main table tbody tr").AllTextContentsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("BR-2024-002", StringComparison.Ordinal) && r.Contains("Withdrawn", StringComparison.Ordinal) && r.Contains("No", StringComparison.Ordinal));
        NoSeriousViolations(await page.RunAxe());
    }

    [Theory]
    [InlineData("/certification/statistics")]
    [InlineData("/certification/bodies")]
    [InlineData("/certification?number=NOT-THERE")]
    [InlineData("/certification?culture=ru")]
    public async Task RegistryPagesHaveNoSeriousAccessibilityViolations(string path)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(path);
        NoSeriousViolations(await page.RunAxe());
    }
}
