using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Normative.Tests.Features.Store;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Browser;

public class StoreBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Fact]
    public async Task ABuyerFindsAStandardPaysByCardAndDownloadsACopyStampedWithTheirName()
    {
        var d = await StoreTestData.AddDeliverableAsync(browser.App, $"ISO {StoreTestData.NextId() % 90000 + 10000}:2024", pages: 20);
        await StoreTestData.AddSourceFileAsync(browser.App, d, pages: 5);
        var buyer = await browser.App.CreateUserAsync("Customer");
        const string holder = "Zoë Müller-Иванова";
        var page = await browser.NewPageAsync();

        // From the header's search box, typed loosely, to the standard's page and its offers.
        await page.GotoAsync("/");
        await page.FillAsync("#site-search", d.Reference.ToLowerInvariant().Replace(":", " ", StringComparison.Ordinal));
        await page.PressAsync("#site-search", "Enter");
        await BrowserFixture.ArriveAsync(page, url => url.Contains("/search?q=", StringComparison.Ordinal));
        await page.ClickAsync($".result-link[href='/standard/{d.Id}']");
        await BrowserFixture.ArriveAsync(page, u => u.EndsWith($"/standard/{d.Id}", StringComparison.Ordinal));
        Assert.Equal(d.Reference, (await page.TextContentAsync("h1 .reference"))!.Trim());
        Assert.Contains("CHF", await page.TextContentAsync(".standard-aside .store-offers"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);

        await page.ClickAsync("form.offer-form:has(input[name=format][value=Pdf]):has(input[name=language][value=en]) button");
        await BrowserFixture.ArriveAsync(page, u => u.EndsWith("/cart", StringComparison.Ordinal));
        Assert.Equal("1", (await page.TextContentAsync(".cart-link .badge [aria-hidden]"))!.Trim());
        await AssertAccessibleAsync(page);

        await page.ClickAsync("#checkout");
        await BrowserFixture.ArriveAsync(page, u => u.Contains("/account/signin", StringComparison.Ordinal));
        await page.FillAsync("#Input_Email", buyer.Email!);
        await page.FillAsync("#Input_Password", NormativeFactory.Password);
        await page.ClickAsync("main button[type=submit]");
        await BrowserFixture.ArriveAsync(page, u => u.EndsWith("/store/checkout", StringComparison.Ordinal));
        await AssertAccessibleAsync(page);

        await page.FillAsync("#Input_Name", "Zoë Müller");
        await page.FillAsync("#Input_Street", "Chemin des Normes 1");
        await page.FillAsync("#Input_PostalCode", "1214");
        await page.FillAsync("#Input_City", "Vernier");
        await page.SelectOptionAsync("#Input_Country", "CH");
        await page.FillAsync("#Input_LicenceHolder", holder);
        await page.CheckAsync("#pay-Card");
        await page.ClickAsync("#place-order");

        await BrowserFixture.ArriveAsync(page, u => u.Contains("/store/test-payment/", StringComparison.Ordinal));
        Assert.Equal("CHF 127.55", (await page.TextContentAsync("#amount"))!.Trim());
        await AssertAccessibleAsync(page);
        await page.ClickAsync("#pay");

        await BrowserFixture.ArriveAsync(page, u => u.Contains("/confirmation?session_id=", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#confirmation");
        await AssertAccessibleAsync(page);
        await page.ClickAsync("a.download-link");
        await BrowserFixture.ArriveAsync(page, u => u.Contains("/store/downloads/", StringComparison.Ordinal));
        await AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
        var path = await download.PathAsync();
        var pages = PdfText.Pages(await File.ReadAllBytesAsync(path));
        Assert.Equal(5, pages.Count);
        Assert.All(pages, text => Assert.Contains($"Licensed to {holder}", text, StringComparison.Ordinal));
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorePagesForBuyersAndEditorsAreAccessible()
    {
        var d = await StoreTestData.AddDeliverableAsync(browser.App, stage: 9599);
        await StoreTestData.AddSourceFileAsync(browser.App, d);
        var (_, number) = await StoreTestData.BuyPaidPdfAsync(browser.App, d, newClient: () =>
            new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = new Uri(browser.BaseUrl) });
        var editor = await browser.App.CreateUserAsync("Editor");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#Input_Email", editor.Email!);
        await page.FillAsync("#Input_Password", NormativeFactory.Password);
        await page.ClickAsync("main button[type=submit]");
        await BrowserFixture.ArriveAsync(page, u => u.EndsWith("/account", StringComparison.Ordinal));

        foreach (var path in new[]
                 {
                     $"/store/standard/{d.Id}", "/store?reference=zzzz", "/store/orders", "/store/downloads", "/store/admin", "/store/admin/orders",
                     $"/store/admin/orders/{number}", "/store/admin/prices", "/store/admin/files", "/store/admin/tax", "/store/admin/shipping", "/store/admin/to-ship", $"/store/orders/{number}", "/store/checkout",
                     "/cart?culture=ru",
                 })
        {
            await page.GotoAsync(path);
            await AssertAccessibleAsync(page);
        }
    }
}
