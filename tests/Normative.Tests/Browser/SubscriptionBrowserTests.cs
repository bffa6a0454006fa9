using Microsoft.EntityFrameworkCore;
using Normative.Features.Store.Subscriptions;
using Normative.Tests.Features.Store;
using Normative.Tests.Features.Store.Subscriptions;

namespace Normative.Tests.Browser;

public class SubscriptionBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ASubscriberBuysACollectionByCardAndDownloadsAStandardItCovers()
    {
        var n = StoreTestData.NextId() % 90000 + 10000;
        var d = await SubscriptionTestData.AddAsync(browser.App, $"ISO {n}:2024");
        await StoreTestData.AddSourceFileAsync(browser.App, d, pages: 3);
        var c = await SubscriptionTestData.AddCollectionAsync(browser.App, CollectionRule.List, references: [d.Reference], price: 480m, name: $"Measuring {n}");
        var buyer = await browser.App.CreateUserAsync("Customer");
        var page = await browser.SignedInAsync(buyer.Email!);

        await page.GotoAsync($"/store/collections/{c.Id}");
        Assert.Equal($"Measuring {n}", (await page.TextContentAsync("h1"))!.Trim());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.ClickAsync("#subscribe");
        await BrowserFixture.ArriveAsync(page, u => u.EndsWith("/cart", StringComparison.Ordinal));
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.ClickAsync("#checkout");
        await BrowserFixture.ArriveAsync(page, u => u.EndsWith("/store/checkout", StringComparison.Ordinal));
        await page.FillAsync("#Input_Name", "Zoë Müller");
        await page.FillAsync("#Input_Street", "Chemin des Normes 1");
        await page.FillAsync("#Input_PostalCode", "1214");
        await page.FillAsync("#Input_City", "Vernier");
        await page.SelectOptionAsync("#Input_Country", "CH");
        await page.FillAsync("#Input_LicenceHolder", "Zoë Müller");
        await page.CheckAsync("#pay-Card");
        await page.ClickAsync("#place-order");
        await BrowserFixture.ArriveAsync(page, u => u.Contains("/store/test-payment/", StringComparison.Ordinal));
        // 480 net and 8.1 % Swiss VAT, rounded to 0.05.
        Assert.Equal("CHF 518.90", (await page.TextContentAsync("#amount"))!.Trim());
        await page.ClickAsync("#pay");

        await BrowserFixture.ArriveAsync(page, u => u.Contains("/confirmation?session_id=", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#confirmation");
        await page.ClickAsync("main a.subscription-link");
        await BrowserFixture.ArriveAsync(page, u => u.EndsWith("/store/downloads", StringComparison.Ordinal));
        Assert.Contains("Your subscription runs until", await page.TextContentAsync("#subscriptions"), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.ClickAsync("#subscriptions a.subscription-link");
        await BrowserFixture.ArriveAsync(page, u => u.Contains("/store/subscriptions/", StringComparison.Ordinal));
        await BrowserFixture.AssertAccessibleAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#covered button.download-link"));
        var pages = PdfText.Pages(await File.ReadAllBytesAsync(await download.PathAsync()));
        Assert.Equal(3, pages.Count);
        Assert.All(pages, text => Assert.Contains("Licensed to Zoë Müller", text, StringComparison.Ordinal));
        Assert.Equal(1, await browser.App.WithDbAsync(db => db.SubscriptionDownloads.CountAsync(x => x.DeliverableId == d.Id)));
    }

    [Fact]
    public async Task TheEditorsCollectionPagesAreAccessibleInEveryLanguage()
    {
        var d = await SubscriptionTestData.AddAsync(browser.App, $"ISO {StoreTestData.NextId() % 90000 + 10000}:2024");
        var c = await SubscriptionTestData.AddCollectionAsync(browser.App, CollectionRule.List, references: [d.Reference]);
        var editor = await browser.App.CreateUserAsync("Editor");
        var page = await browser.SignedInAsync(editor.Email!);
        foreach (var culture in new[] { "en", "fr", "es", "ru" })
        {
            foreach (var path in new[] { "/store/admin/collections", "/store/admin/collections/new", $"/store/admin/collections/{c.Id}", "/store/collections", $"/store/collections/{c.Id}" })
            {
                await page.GotoAsync($"{path}?culture={culture}");
                await BrowserFixture.AssertAccessibleAsync(page);
            }
        }
        // A form sent back with mistakes is accessible too.
        await page.GotoAsync("/store/admin/collections/new?culture=en");
        await page.ClickAsync("#save-collection");
        await page.WaitForSelectorAsync(".error-summary li");
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
