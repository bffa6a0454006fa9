using Microsoft.Playwright;
using Normative.Tests.Features.Store;
using Normative.Tests.Features.Store.Organizations;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Browser;

/// <summary>
/// The store from end to end for an organisation, in the browser as its people and the sales office
/// use it: an administrator sets up the organisation and its members, buys a five-seat PDF licence
/// and a printed copy shipped abroad, pays by invoice; the sales office records the payment, ships
/// and delivers the parcel while the buyer is mailed; the seats go to members who each download a
/// copy stamped with their own name and the organisation's.
/// </summary>
public class OrganisationPurchaseBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Organisation = "Analytical Engines Ltd";
    private const string Tracking = "RR123456785DE";
    private const string TrackingUrl = "https://www.deutschepost.de/sendung/simpleQuery.html?form.sendungsnummer=RR123456785DE";

    [Fact]
    public async Task AnOrganisationBuysFiveSeatsAndAPrintedCopyShippedAbroadPaysByInvoiceAndEachSeatHolderDownloadsTheirOwnCopy()
    {
        var d = await StoreTestData.AddDeliverableAsync(browser.App, pages: 20);
        await StoreTestData.AddSourceFileAsync(browser.App, d, pages: 2);
        var ada = await OrganizationTestData.CreatePersonAsync(browser.App, "Ada Lovelace");
        var grace = await OrganizationTestData.CreatePersonAsync(browser.App, "Grace Hopper");
        var alan = await OrganizationTestData.CreatePersonAsync(browser.App, "Alan Turing");
        var mail = browser.App.MailDirectory;

        // The administrator creates the organisation and invites two colleagues, who accept from their mail.
        var admin = await browser.SignedInAsync(ada.Email!);
        await admin.GotoAsync("/account/organizations");
        await BrowserFixture.AssertAccessibleAsync(admin);
        await admin.FillAsync("#Input_Name", Organisation);
        await admin.SelectOptionAsync("#Input_Country", "CH");
        await admin.ClickAsync("#create-submit");
        await BrowserFixture.ArriveAsync(admin, u => System.Text.RegularExpressions.Regex.IsMatch(u, @"/account/organizations/\d+"));
        var organizationId = int.Parse(new Uri(admin.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("administrator", (await admin.TextContentAsync("#my-role"))!.Trim());
        foreach (var colleague in new[] { grace, alan })
        {
            await admin.FillAsync("#Invite_Email", colleague.Email!);
            await admin.ClickAsync("#invite-form button[type=submit]");
            await admin.WaitForSelectorAsync($"#invitation-list >> text={colleague.Email}");
        }
        await BrowserFixture.AssertAccessibleAsync(admin);
        foreach (var colleague in new[] { grace, alan })
        {
            var invitation = await Mailbox.WaitForMailAsync(mail, colleague.Email!, m => m.Subject.StartsWith($"Join {Organisation}", StringComparison.Ordinal));
            var page = await browser.SignedInAsync(colleague.Email!);
            await page.GotoAsync(Mailbox.LinkIn(invitation, "/account/organizations/join/"));
            await page.ClickAsync("#accept");
            await BrowserFixture.ArriveAsync(page, u => u.EndsWith($"/account/organizations/{organizationId}", StringComparison.Ordinal));
            Assert.Equal("member", (await page.TextContentAsync("#my-role"))!.Trim());
            await page.Context.CloseAsync();
        }
        await admin.ReloadAsync();
        Assert.Equal(3, await admin.Locator("#member-list tbody tr").CountAsync());

        // Five seats of the English PDF and one printed copy in the cart.
        await admin.GotoAsync($"/store/standard/{d.Id}");
        await admin.ClickAsync("form.offer-form:has(input[name=format][value=Pdf]):has(input[name=language][value=en]) button");
        await BrowserFixture.ArriveAsync(admin, u => u.EndsWith("/cart", StringComparison.Ordinal));
        await admin.FillAsync("form.quantity-form:has(input[aria-describedby^=seats-hint]) input[name=quantity]", "5");
        await admin.ClickAsync("form.quantity-form:has(input[aria-describedby^=seats-hint]) button");
        await admin.WaitForSelectorAsync("text=A multi-user licence for your organization");
        await admin.GotoAsync($"/store/standard/{d.Id}");
        await admin.ClickAsync("form.offer-form:has(input[name=format][value=Paper]):has(input[name=language][value=en]) button");
        await BrowserFixture.ArriveAsync(admin, u => u.EndsWith("/cart", StringComparison.Ordinal));
        await admin.WaitForSelectorAsync("#cart-net");
        Assert.Equal("CHF 708.00", (await admin.TextContentAsync("#cart-net"))!.Trim());
        await BrowserFixture.AssertAccessibleAsync(admin);

        // Checkout for the organisation, billed in Switzerland, the printed copy shipped to Germany, by invoice.
        await admin.ClickAsync("#checkout");
        await BrowserFixture.ArriveAsync(admin, u => u.EndsWith("/store/checkout", StringComparison.Ordinal));
        await admin.CheckAsync($"#buy-for-{organizationId}");
        await admin.FillAsync("#Input_Organization", Organisation);
        await admin.FillAsync("#Input_Street", "Chemin des Normes 1");
        await admin.FillAsync("#Input_PostalCode", "1214");
        await admin.FillAsync("#Input_City", "Vernier");
        await admin.SelectOptionAsync("#Input_Country", "CH");
        await admin.UncheckAsync("#Input_ShipToBilling");
        await admin.FillAsync("#Input_ShippingName", "Charles Babbage");
        await admin.FillAsync("#Input_ShippingOrganization", Organisation);
        await admin.FillAsync("#Input_ShippingStreet", "Friedrichstraße 10");
        await admin.FillAsync("#Input_ShippingPostalCode", "10117");
        await admin.FillAsync("#Input_ShippingCity", "Berlin");
        await admin.SelectOptionAsync("#Input_ShippingCountry", "DE");
        await admin.CheckAsync("#pay-Invoice");
        await admin.ClickAsync("#update-totals");
        await admin.WaitForSelectorAsync("table.totals tr.shipping");

        // Shipping to Germany (Europe, up to 100 pages) is CHF 12.00; the PDF carries Swiss VAT, the
        // printed copy and its shipping go abroad without it: 590.00 × 8.1 % = 47.79; 767.79 → 767.80.
        Assert.Equal("Shipping the printed copies (20 pages) to Germany: CHF 12.00.", (await admin.TextContentAsync("#shipping-charge"))!.Trim());
        Assert.Equal("Billed in Switzerland, printed copies shipped to Germany", (await admin.TextContentAsync("#totals-for"))!.Trim());
        var totals = await Totals(admin.Locator("table.totals"));
        Assert.Equal("CHF 12.00", totals["Shipping"]);
        Assert.Equal("CHF 47.79", totals["VAT 8.1 % (Switzerland) on CHF 590.00"]);
        Assert.Equal("CHF 0.00", totals["VAT 0 % (Germany, outside our VAT) on CHF 130.00"]);
        Assert.Equal("CHF 767.80", totals["Total"]);
        await BrowserFixture.AssertAccessibleAsync(admin);
        // What was typed is still there after the totals were worked out.
        Assert.Equal("Friedrichstraße 10", await admin.InputValueAsync("#Input_ShippingStreet"));
        Assert.True(await admin.IsCheckedAsync($"#buy-for-{organizationId}"));
        Assert.True(await admin.IsCheckedAsync("#pay-Invoice"));

        await admin.ClickAsync("#place-order");
        await BrowserFixture.ArriveAsync(admin, u => u.Contains("/store/orders/", StringComparison.Ordinal));
        var number = StoreTestData.OrderNumberIn(admin.Url);
        Assert.NotEqual("", number);
        Assert.Contains("CHF 767.80", await admin.TextContentAsync("table.totals tr.total"), StringComparison.Ordinal);

        // The sales office records the bank transfer, then ships the printed copy with its tracking reference.
        var editorUser = await browser.App.CreateUserAsync("Editor");
        var editor = await browser.SignedInAsync(editorUser.Email!);
        await editor.GotoAsync($"/store/admin/orders/{number}");
        Assert.Equal("Mark CHF 767.80 as paid", (await editor.TextContentAsync("#mark-paid"))!.Trim());
        Assert.Contains("Berlin", await editor.TextContentAsync("#ship-to"), StringComparison.Ordinal);
        await editor.FillAsync("#reference", "BANK-2026-0042");
        await editor.ClickAsync("#mark-paid");
        await editor.WaitForSelectorAsync("#order-status:text-is('Paid')");
        await BrowserFixture.AssertAccessibleAsync(editor);

        await editor.FillAsync("#Ship_Carrier", "Deutsche Post");
        await editor.FillAsync("#Ship_TrackingReference", Tracking);
        await editor.FillAsync("#Ship_TrackingUrl", TrackingUrl);
        await editor.ClickAsync("#ship");
        await editor.WaitForSelectorAsync("table:has(caption:text-is('Shipments'))");
        var shipped = await Mailbox.WaitForMailAsync(mail, ada.Email!, m => m.Subject.Contains($"the printed copies of order {number} are on their way", StringComparison.Ordinal));
        Assert.Contains($"Tracking reference: {Tracking}", shipped.Text, StringComparison.Ordinal);
        Assert.Contains("with Deutsche Post", shipped.Text, StringComparison.Ordinal);
        Assert.Contains("Friedrichstraße 10", shipped.Text, StringComparison.Ordinal);

        await admin.GotoAsync(Mailbox.LinkIn(shipped, "/store/orders/"));
        Assert.Equal(Tracking, (await admin.TextContentAsync("#shipments .tracking"))!.Trim());
        Assert.Equal("On its way", (await admin.TextContentAsync("#shipments .shipment-status"))!.Trim());
        await BrowserFixture.AssertAccessibleAsync(admin);

        await editor.ClickAsync("form[action*='handler=Deliver'] button");
        await editor.WaitForSelectorAsync("form[action*='handler=Deliver']", new() { State = WaitForSelectorState.Detached });
        var delivered = await Mailbox.WaitForMailAsync(mail, ada.Email!, m => m.Subject.Contains($"the printed copies of order {number} have been delivered", StringComparison.Ordinal));
        Assert.Contains($"tracking reference {Tracking}", delivered.Text, StringComparison.Ordinal);
        await admin.ReloadAsync();
        Assert.StartsWith("Delivered on ", (await admin.TextContentAsync("#shipments .shipment-status"))!.Trim(), StringComparison.Ordinal);

        // The administrator gives two of the five seats to the colleagues.
        await admin.ClickAsync("a.seats-link");
        await BrowserFixture.ArriveAsync(admin, u => u.EndsWith("/seats", StringComparison.Ordinal));
        Assert.Equal("0 of 5 seats assigned, 5 free", (await admin.TextContentAsync("#seat-count-1"))!.Trim());
        await admin.CheckAsync($"#member-1-{grace.Id}");
        await admin.CheckAsync($"#member-1-{alan.Id}");
        await admin.ClickAsync("form.assign-form button[type=submit]");
        await admin.WaitForSelectorAsync("text=Seats given: 2.");
        Assert.Equal("2 of 5 seats assigned, 3 free", (await admin.TextContentAsync("#seat-count-1"))!.Trim());
        await BrowserFixture.AssertAccessibleAsync(admin);

        // Each seat holder follows their mail to the downloads and gets a copy stamped with their own name.
        foreach (var holder in new[] { grace, alan })
        {
            var seat = await Mailbox.WaitForMailAsync(mail, holder.Email!, m => m.Subject.Contains("is ready for you", StringComparison.Ordinal));
            var page = await browser.SignedInAsync(holder.Email!);
            await page.GotoAsync(Mailbox.LinkIn(seat, "/store/downloads"));
            await page.ClickAsync("a.download-link");
            await BrowserFixture.ArriveAsync(page, u => u.Contains("/store/downloads/", StringComparison.Ordinal));
            Assert.Equal(Organisation, (await page.TextContentAsync("#licence-organization"))!.Trim());
            await BrowserFixture.AssertAccessibleAsync(page);
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
            var pages = PdfText.Pages(await File.ReadAllBytesAsync(await download.PathAsync()));
            Assert.Equal(2, pages.Count);
            Assert.All(pages, text => Assert.Contains($"Licensed to {holder.DisplayName}, {Organisation}", text, StringComparison.Ordinal));
            await page.Context.CloseAsync();
        }
    }

    /// <summary>A totals table as its rows read: heading → amount.</summary>
    private static async Task<Dictionary<string, string>> Totals(ILocator table)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in await table.Locator("tr").AllAsync())
        {
            rows[(await row.Locator("th").InnerTextAsync()).Trim()] = (await row.Locator("td").InnerTextAsync()).Trim();
        }
        return rows;
    }
}
