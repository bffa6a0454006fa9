using Normative.Tests.Features.Store;
using Normative.Tests.Features.Store.Organizations;

namespace Normative.Tests.Browser;

public class OrganizationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnAdministratorBuysThreeSeatsGivesOneToAColleagueWhoDownloadsTheirOwnStampedCopy()
    {
        var d = await StoreTestData.AddDeliverableAsync(browser.App, pages: 20);
        await StoreTestData.AddSourceFileAsync(browser.App, d, pages: 2);
        var admin = await OrganizationTestData.CreatePersonAsync(browser.App, "Ada Lovelace");
        var grace = await OrganizationTestData.CreatePersonAsync(browser.App, "Grace Hopper");
        var organization = await OrganizationTestData.CreateOrganizationAsync(browser.App, admin, "Analytical Engines Ltd", grace);
        var page = await browser.SignedInAsync(admin.Email!);

        await page.GotoAsync($"/store/standard/{d.Id}");
        await page.ClickAsync("form.offer-form:has(input[name=format][value=Pdf]):has(input[name=language][value=en]) button");
        await BrowserFixture.ArriveAsync(page, u => u.EndsWith("/cart", StringComparison.Ordinal));
        await page.FillAsync("form.quantity-form input[name=quantity]", "3");
        await page.ClickAsync("form.quantity-form button");
        await page.WaitForSelectorAsync("text=A multi-user licence for your organization");
        Assert.Equal("CHF 354.00", (await page.TextContentAsync("#cart-net"))!.Trim());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.ClickAsync("#checkout");
        await BrowserFixture.ArriveAsync(page, u => u.EndsWith("/store/checkout", StringComparison.Ordinal));
        Assert.True(await page.IsCheckedAsync($"#buy-for-{organization.Id}"));
        Assert.Equal("Analytical Engines Ltd", await page.InputValueAsync("#Input_Organization"));
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_Street", "Chemin des Normes 1");
        await page.FillAsync("#Input_PostalCode", "1214");
        await page.FillAsync("#Input_City", "Vernier");
        await page.CheckAsync("#pay-Invoice");
        await page.ClickAsync("#place-order");
        await BrowserFixture.ArriveAsync(page, u => u.Contains("/store/orders/", StringComparison.Ordinal));
        var number = StoreTestData.OrderNumberIn(page.Url);
        await StoreTestData.MarkPaidAsync(browser.App, number, () =>
            new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = new Uri(browser.BaseUrl) });

        await page.GotoAsync($"/store/orders/{number}");
        await page.ClickAsync("a.seats-link");
        await BrowserFixture.ArriveAsync(page, u => u.EndsWith("/seats", StringComparison.Ordinal));
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.CheckAsync($"#member-1-{grace.Id}");
        await page.ClickAsync("form.assign-form button[type=submit]");
        await page.WaitForSelectorAsync("text=Seats given: 1.");
        Assert.Equal("1 of 3 seats assigned, 2 free", (await page.TextContentAsync("#seat-count-1"))!.Trim());

        // Three more people for two free seats: refused beside the form, what was typed still there.
        await page.FillAsync("#people-1", "a@example.org\nb@example.org\nc@example.org");
        await page.ClickAsync("form.assign-form button[type=submit]");
        await page.WaitForSelectorAsync("#assign-error-1");
        Assert.Contains("2 of them are free, but 3 people were named", await page.TextContentAsync("#assign-error-1"), StringComparison.Ordinal);
        Assert.Equal("a@example.org\nb@example.org\nc@example.org", await page.InputValueAsync("#people-1"));
        await BrowserFixture.AssertAccessibleAsync(page);

        foreach (var path in new[] { "/account/organizations", $"/account/organizations/{organization.Id}", "/store/orders" })
        {
            await page.GotoAsync(path);
            await BrowserFixture.AssertAccessibleAsync(page);
        }

        var colleague = await browser.SignedInAsync(grace.Email!);
        await colleague.GotoAsync("/store/downloads");
        await colleague.ClickAsync("a.download-link");
        await BrowserFixture.ArriveAsync(colleague, u => u.Contains("/store/downloads/", StringComparison.Ordinal));
        Assert.Equal("Analytical Engines Ltd", (await colleague.TextContentAsync("#licence-organization"))!.Trim());
        await BrowserFixture.AssertAccessibleAsync(colleague);
        var download = await colleague.RunAndWaitForDownloadAsync(() => colleague.ClickAsync("#download"));
        var pages = PdfText.Pages(await File.ReadAllBytesAsync(await download.PathAsync()));
        Assert.All(pages, text => Assert.Contains("Licensed to Grace Hopper, Analytical Engines Ltd", text, StringComparison.Ordinal));
    }
}
