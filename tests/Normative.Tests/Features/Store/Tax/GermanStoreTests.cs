using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Store;
using Normative.Features.Store.Tax;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Tax;

/// <summary>A member body in Germany: Store:Tax:Regime=DE sells in euros under German VAT and the EU's rules.</summary>
public class GermanStoreTests(GermanStoreTests.Factory factory) : IClassFixture<GermanStoreTests.Factory>
{
    public sealed class Factory : StoreFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["Store:Tax:Regime"] = "DE" };
    }

    [Fact]
    public async Task PricesAndTheRulesAreShownInEuros()
    {
        var store = await factory.Browser().GetDocumentAsync("/store?culture=en");
        Assert.Contains("EUR 42.00", store.QuerySelector("table.bands")!.TextContent, StringComparison.Ordinal);
        var rules = store.QuerySelector("table.tax-rules")!.TextContent;
        Assert.Contains("19 %", rules, StringComparison.Ordinal);
        Assert.Contains("7 %", rules, StringComparison.Ordinal);
        Assert.Contains("another EU member state, with a VAT number", rules, StringComparison.Ordinal);
        Assert.Contains("That state’s rate for printed books", rules, StringComparison.Ordinal);
        Assert.StartsWith("Electronic products (PDF, reading online) are taxed in the country of the billing address; printed copies", store.QuerySelector("#tax-place")!.TextContent, StringComparison.Ordinal);
        var france = store.QuerySelectorAll("table.eu-rates tbody tr").Single(r => r.QuerySelector("td")!.TextContent == "France").QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal(["France", "20 %", "5.5 %"], france);
        Assert.Contains("Finland", store.QuerySelector("table.eu-rates")!.TextContent, StringComparison.Ordinal);

        var (editor, _) = await factory.SignInAsAsync("Editor");
        var admin = await editor.GetDocumentAsync("/store/admin/tax?culture=en");
        Assert.Contains("Germany", admin.QuerySelector("#regime")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("UStG § 12 para. 2 no. 1", admin.QuerySelector("table.tax-rules")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2025-08-01", admin.QuerySelector("table.eu-rates caption")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGermanConsumerPays19PercentOnThePdfAnd7OnThePrintedCopies()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 20);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper", "en", "2");

        var order = await StoreTestData.OrderAsync(factory, StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout(country: "DE"))));
        // 118.00 at 19 % = 22.42; 236.00 and 12.00 shipping (the default rates' zone Europe) at 7 % = 17.36; no cash rounding in euros.
        Assert.Equal("EUR", order.Currency);
        Assert.Equal((366.00m, 39.78m, 0m, 405.78m), (order.NetTotal, order.VatTotal, order.Rounding, order.Total));
        Assert.All(order.Lines, l => Assert.Equal(("DE", TaxBasis.Domestic), (l.TaxCountry, l.TaxBasis)));
    }

    [Fact]
    public async Task AFrenchConsumerPaysFrenchVatOnThePdfAndOnThePrintedCopyEachAtItsRate()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 20);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper");

        // "Update the totals" shows what a buyer billed in France pays, and places nothing.
        var fields = StoreTestData.Checkout(country: "FR");
        var preview = await client.SubmitFormAsync("/store/checkout?handler=Totals&culture=en", fields, "form.checkout-form");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await preview.Content.ReadAsStringAsync();
        Assert.Contains("VAT 20 % (France, one-stop shop) on EUR 118.00", page, StringComparison.Ordinal);
        Assert.Contains("VAT 5.5 % (France, one-stop shop) on EUR 130.00", page, StringComparison.Ordinal);
        Assert.Contains("EUR 278.75", page, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Orders.CountAsync(o => o.BillingEmail == fields["Input.Email"])));

        var order = await StoreTestData.OrderAsync(factory, StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, fields)));
        // 118.00 at 20 % = 23.60; 118.00 and 12.00 shipping at 5.5 %, France's rate for books = 7.15; both France's VAT.
        Assert.Equal((248.00m, 30.75m, 278.75m), (order.NetTotal, order.VatTotal, order.Total));
        Assert.Equal([(ProductFormat.Pdf, "FR", TaxBasis.OneStopShop, 0.20m), (ProductFormat.Paper, "FR", TaxBasis.OneStopShop, 0.055m)],
            order.Lines.OrderBy(l => l.LineNumber).Select(l => (l.Format, l.TaxCountry, l.TaxBasis, l.VatRate)));
    }

    [Fact]
    public async Task AFrenchBusinessWithAVatNumberIsInvoicedUnderReverseCharge()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 20);
        await StoreTestData.AddSourceFileAsync(factory, d);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper");
        var fields = StoreTestData.Checkout(country: "FR");
        fields["Input.VatNumber"] = "fr 40 303 265 045";

        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, fields));
        var order = await StoreTestData.OrderAsync(factory, number);
        Assert.Equal("FR40303265045", order.VatNumber);
        Assert.Equal((248.00m, 0m, 248.00m), (order.NetTotal, order.VatTotal, order.Total));
        Assert.All(order.Lines, l => Assert.Equal(("FR", TaxBasis.ReverseCharge, 0m), (l.TaxCountry, l.TaxBasis, l.VatRate)));

        var page = await client.GetDocumentAsync($"/store/orders/{number}?culture=en");
        Assert.Contains("Reverse charge", page.QuerySelector("#reverse-charge")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("France, reverse charge", page.QuerySelector("table.totals")!.TextContent, StringComparison.Ordinal);

        await StoreTestData.MarkPaidAsync(factory, number);
        var pdf = await client.GetAsync($"/store/orders/{number}/invoice?culture=en");
        var text = string.Join("\n", PdfText.Pages(await pdf.Content.ReadAsByteArrayAsync()));
        Assert.Contains("Reverse charge: VAT to be accounted for by the recipient", text, StringComparison.Ordinal);
        Assert.Contains("FR40303265045", text, StringComparison.Ordinal);
        Assert.Contains("EUR 248.00", text, StringComparison.Ordinal);

        // The accountant's file puts it under France, reverse charge.
        var (editor, _) = await factory.SignInAsAsync("Editor");
        var csv = await (await editor.GetAsync(StoreLinks.AdminOrders(null, q: number, csv: true))).Content.ReadAsStringAsync();
        Assert.Contains("FR 0 ReverseCharge: 248.00 + 0.00", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVatNumberInTheWrongFormatIsRefusedAndNothingIsOrdered()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, buyer) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        var fields = StoreTestData.Checkout(country: "FR");
        fields["Input.VatNumber"] = "FR123";

        var response = await client.SubmitFormAsync("/store/checkout?culture=en", fields, "form.checkout-form");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This VAT number is not in the format of the billing country", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Orders.AnyAsync(o => o.UserId == buyer.Id)));
        Assert.Single(await factory.WithDbAsync(db => db.Carts.Where(c => c.UserId == buyer.Id && c.CheckedOutAt == null).ToListAsync()));
    }
}
