using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Store;
using Normative.Features.Store.Tax;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Shipping;

/// <summary>
/// A Swiss seller charges shipping for printed copies, computed on the server from its rates: on the
/// order, its pages, the invoice and credit note, and in the VAT of the printed copies — Swiss VAT
/// when they are shipped to Switzerland or Liechtenstein, an export anywhere else — to the centime.
/// </summary>
public class SwissShippingTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    /// <summary>The rates these tests charge; each test sets them, so one that changes them changes no other.</summary>
    private Task RatesAsync() => StoreTestData.SetShippingAsync(factory,
        StoreTestData.Zone("Schweiz", "CH LI", (1, 100, 9.00m), (101, null, 14.00m)),
        StoreTestData.Zone("Europe", "DE FR AT IT", (1, null, 18.50m)),
        StoreTestData.Zone("Nowhere", "KP"),
        StoreTestData.Zone("World", "", (1, 100, 25.00m), (101, null, 40.00m)));

    /// <summary>A buyer with a PDF (118.00) and two printed copies of 20 pages (236.00, 40 pages) in the cart.</summary>
    private async Task<HttpClient> CartAsync()
    {
        await RatesAsync();
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 20);
        await StoreTestData.AddSourceFileAsync(factory, d);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper", "en", "2");
        return client;
    }

    [Fact]
    public async Task ASwissBuyerPaysShippingAtTheReducedRateOfThePrintedCopiesAndSeesItEverywhere()
    {
        var client = await CartAsync();
        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout()));

        var order = await StoreTestData.OrderAsync(factory, number);
        // PDF 118.00 at 8.1 % = 9.56; printed copies 236.00 and shipping 9.00 at 2.6 % = 6.37; 378.93 → 378.95.
        Assert.Equal((9.00m, 0.026m, "CH", TaxBasis.Domestic, "Schweiz"), StoreTestData.ShippingOf(order));
        Assert.Equal((363.00m, 15.93m, 0.02m, 378.95m), (order.NetTotal, order.VatTotal, order.Rounding, order.Total));

        var page = await client.GetDocumentAsync($"/store/orders/{number}?culture=en");
        var totals = page.QuerySelector("table.totals")!.TextContent;
        Assert.Contains("CHF 9.00", page.QuerySelector("table.totals tr.shipping")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("VAT 2.6 % (Switzerland) on CHF 245.00", totals, StringComparison.Ordinal);
        Assert.Contains("CHF 378.95", totals, StringComparison.Ordinal);

        await StoreTestData.MarkPaidAsync(factory, number);
        var confirmation = await client.GetDocumentAsync($"/store/orders/{number}/confirmation?culture=en");
        Assert.Equal("Your printed copies will be shipped to Switzerland; the shipping charge of CHF 9.00 is included in the total of CHF 378.95.",
            confirmation.QuerySelector("#shipping-charge")!.TextContent);
        var invoice = string.Join("\n", PdfText.Pages(await (await client.GetAsync($"/store/orders/{number}/invoice?culture=en")).Content.ReadAsByteArrayAsync()));
        Assert.Contains("Shipping of the printed copies to Switzerland", invoice, StringComparison.Ordinal);
        Assert.Contains("VAT 2.6 % (Switzerland) on CHF 245.00", invoice, StringComparison.Ordinal);
        Assert.Contains("CHF 378.95", invoice, StringComparison.Ordinal);
        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, order.BillingEmail, m => m.Subject.Contains("confirmed", StringComparison.Ordinal));
        Assert.Contains("Shipping to Switzerland: CHF 9.00", mail.Text, StringComparison.Ordinal);

        // A refund pays the shipping back too, on the credit note and in the VAT the accountant declares.
        var (editor, _) = await factory.SignInAsAsync("Editor");
        var refunded = await editor.SubmitFormAsync($"/store/admin/orders/{number}", [], "form[action*='handler=Refund']");
        Assert.Equal(HttpStatusCode.Redirect, refunded.StatusCode);
        order = await StoreTestData.OrderAsync(factory, number);
        Assert.Equal(378.95m, order.Payments.Single(p => p.Kind == Normative.Features.Store.Checkout.PaymentKind.Refund).Amount);
        var creditNote = string.Join("\n", PdfText.Pages(await (await client.GetAsync($"/store/orders/{number}/credit-note?culture=en")).Content.ReadAsByteArrayAsync()));
        Assert.Contains("Shipping of the printed copies to Switzerland", creditNote, StringComparison.Ordinal);
        Assert.Contains("CHF 378.95", creditNote, StringComparison.Ordinal);
        var tax = await (await editor.GetAsync(StoreLinks.AdminOrders(null, q: number, taxCsv: true))).Content.ReadAsStringAsync();
        var printed = Normative.Features.Shared.Csv.Read(new StringReader(tax.TrimStart('\uFEFF'))).Single(l => l.Fields[0] == "CH" && l.Fields[1] == "0.0260").Fields;
        Assert.Equal(["1", "245.00", "6.37", "1", "245.00", "6.37", "Domestic"], printed.Skip(2));
    }

    [Fact]
    public async Task PrintedCopiesShippedAbroadAreAnExportAndSoIsTheirShipping()
    {
        var client = await CartAsync();
        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout(country: "US")));

        var order = await StoreTestData.OrderAsync(factory, number);
        Assert.Equal((25.00m, 0m, "US", TaxBasis.Export, "World"), StoreTestData.ShippingOf(order));
        Assert.Equal((379.00m, 0m, 0m, 379.00m), (order.NetTotal, order.VatTotal, order.Rounding, order.Total));
    }

    [Fact]
    public async Task TheChargeShowsAsSoonAsTheShippingCountryIsKnownAndIsComputedAgainWhenPlacing()
    {
        var client = await CartAsync();
        var fields = StoreTestData.ShipTo(StoreTestData.Checkout(), "FR");

        var preview = await (await client.SubmitFormAsync("/store/checkout?handler=Totals&culture=en", fields, "form.checkout-form")).ReadDocumentAsync();
        Assert.Equal("Shipping the printed copies (40 pages) to France: CHF 18.50.", preview.QuerySelector("#shipping-charge")!.TextContent);
        Assert.Equal("Billed in Switzerland, printed copies shipped to France", preview.QuerySelector("#totals-for")!.TextContent.Trim());
        Assert.Contains("CHF 18.50", preview.QuerySelector("table.totals tr.shipping")!.TextContent, StringComparison.Ordinal);
        var unknown = new Dictionary<string, string>(fields) { ["Input.ShippingCountry"] = "" };
        var noCountry = await (await client.SubmitFormAsync("/store/checkout?handler=Totals&culture=en", unknown, "form.checkout-form")).ReadDocumentAsync();
        Assert.Contains("once you choose the country", noCountry.QuerySelector("#shipping-charge")!.TextContent, StringComparison.Ordinal);
        Assert.Null(noCountry.QuerySelector("table.totals tr.shipping"));

        // The rate changes between the preview and the order: the order pays today's rate.
        await StoreTestData.SetShippingAsync(factory, StoreTestData.Zone("Europe", "DE FR AT IT", (1, null, 19.00m)), StoreTestData.Zone("World", "", (1, null, 25.00m)));
        var order = await StoreTestData.OrderAsync(factory, StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, fields)));
        // Shipped to France, the printed copies are an export, and their shipping with them, though billed in Switzerland.
        Assert.Equal((19.00m, 0m, "FR", TaxBasis.Export, "Europe"), StoreTestData.ShippingOf(order));
        Assert.Equal("FR", order.ShippingCountry);
    }

    [Fact]
    public async Task PrintedCopiesBilledInSwitzerlandButShippedToFranceAreAnExportWhileThePdfCarriesSwissVat()
    {
        var client = await CartAsync();
        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.ShipTo(StoreTestData.Checkout(), "FR")));

        var order = await StoreTestData.OrderAsync(factory, number);
        // PDF 118.00 at 8.1 % = 9.558 → 9.56; printed copies 236.00 and shipping 18.50 at 0 %; 382.06 → 382.05.
        Assert.Equal((18.50m, 0m, "FR", TaxBasis.Export, "Europe"), StoreTestData.ShippingOf(order));
        Assert.Equal((372.50m, 9.56m, -0.01m, 382.05m), (order.NetTotal, order.VatTotal, order.Rounding, order.Total));
        var totals = (await client.GetDocumentAsync($"/store/orders/{number}?culture=en")).QuerySelectorAll("table.totals th").Select(th => th.TextContent).ToList();
        Assert.Contains("VAT 8.1 % (Switzerland) on CHF 118.00", totals);
        Assert.Contains("VAT 0 % (France, outside our VAT) on CHF 254.50", totals);
    }

    [Fact]
    public async Task PrintedCopiesBilledInFranceButShippedToSwitzerlandCarrySwissVatWhileThePdfDoesNot()
    {
        var client = await CartAsync();
        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.ShipTo(StoreTestData.Checkout(country: "FR"), "CH")));

        var order = await StoreTestData.OrderAsync(factory, number);
        // PDF 118.00 at 0 % (France, outside Swiss VAT); printed copies 236.00 and shipping 9.00 at 2.6 % = 6.37; 369.37 → 369.35.
        Assert.Equal((9.00m, 0.026m, "CH", TaxBasis.Domestic, "Schweiz"), StoreTestData.ShippingOf(order));
        Assert.Equal((363.00m, 6.37m, -0.02m, 369.35m), (order.NetTotal, order.VatTotal, order.Rounding, order.Total));
        Assert.Equal([("FR", TaxBasis.Export, 0m), ("CH", TaxBasis.Domestic, 0.026m)], order.Lines.OrderBy(l => l.LineNumber).Select(l => (l.TaxCountry, l.TaxBasis, l.VatRate)));
    }

    [Fact]
    public async Task PrintedCopiesShippedToLiechtensteinCarrySwissVat()
    {
        var client = await CartAsync();
        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.ShipTo(StoreTestData.Checkout(country: "DE"), "LI")));

        var order = await StoreTestData.OrderAsync(factory, number);
        // Liechtenstein is in the Swiss VAT territory: printed copies 236.00 and shipping 9.00 at 2.6 % = 6.37; the PDF billed in Germany at 0 %.
        Assert.Equal((9.00m, 0.026m, "CH", TaxBasis.Domestic, "Schweiz"), StoreTestData.ShippingOf(order));
        Assert.Equal((363.00m, 6.37m, 369.35m), (order.NetTotal, order.VatTotal, order.Total));
    }

    [Fact]
    public async Task ACountryTheStoreDoesNotShipToIsRefusedClearlyAndNothingIsOrdered()
    {
        var client = await CartAsync();
        var fields = StoreTestData.ShipTo(StoreTestData.Checkout(), "KP");

        var response = await client.SubmitFormAsync("/store/checkout?culture=en", fields, "form.checkout-form");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.StartsWith("We do not ship printed copies to North Korea", page.QuerySelector("#err-ShippingCountry")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("We do not ship printed copies to North Korea", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        // What was typed is still there.
        Assert.Equal("1 Dorset Street", page.QuerySelector("#Input_ShippingStreet")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Orders.CountAsync(o => o.BillingEmail == fields["Input.Email"])));
    }

    [Fact]
    public async Task AnOrderWithoutPrintedCopiesHasNoShipping()
    {
        await RatesAsync();
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 20);
        var (client, number) = await StoreTestData.BuyPaidPdfAsync(factory, d);

        var order = await StoreTestData.OrderAsync(factory, number);
        Assert.Null(order.ShippingCharge);
        Assert.Null(order.ShippingTaxCountry);
        Assert.Equal((118.00m, 127.55m), (order.NetTotal, order.Total));
        var page = await client.GetDocumentAsync($"/store/orders/{number}?culture=en");
        Assert.Null(page.QuerySelector("table.totals tr.shipping"));
        Assert.Null(page.QuerySelector("#shipments"));
    }
}
