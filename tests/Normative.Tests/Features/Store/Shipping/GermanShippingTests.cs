using Microsoft.EntityFrameworkCore;
using Normative.Features.Shared;
using Normative.Features.Store;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Subscriptions;
using Normative.Features.Store.Tax;
using Normative.Tests.Features.Store.Subscriptions;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Shipping;

/// <summary>
/// A German seller (Store:Tax:Regime=DE) taxes printed copies, and their shipping with them, in the
/// country they are shipped to: German VAT for Germany, the member state's rate for printed books for
/// a consumer elsewhere in the EU, reverse charge for an EU business with a VAT number, none for an
/// export; a PDF keeps the VAT of the billing country. To the cent.
/// </summary>
public class GermanShippingTests(GermanShippingTests.Factory factory) : IClassFixture<GermanShippingTests.Factory>
{
    public sealed class Factory : StoreFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["Store:Tax:Regime"] = "DE" };
    }

    /// <summary>Places an order for a PDF (118.00) and two printed copies of 20 pages (236.00, 40 pages) billed in <paramref name="country"/> and shipped there or to <paramref name="shipTo"/>.</summary>
    private async Task<Normative.Features.Store.Orders.Order> OrderAsync(string country, string? vatNumber = null, string? shipTo = null)
    {
        var (_, number) = await PlaceAsync(country, vatNumber, shipTo);
        return await StoreTestData.OrderAsync(factory, number);
    }

    private async Task<(HttpClient Client, string Number)> PlaceAsync(string country, string? vatNumber = null, string? shipTo = null)
    {
        await StoreTestData.SetShippingAsync(factory,
            StoreTestData.Zone("Deutschland", "DE", (1, null, 4.50m)),
            StoreTestData.Zone("EU", "FR AT NL", (1, null, 9.90m)),
            StoreTestData.Zone("Welt", "", (1, null, 19.90m)));
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 20);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper", "en", "2");
        var fields = StoreTestData.Checkout(country: country);
        if (vatNumber is not null)
        {
            fields["Input.VatNumber"] = vatNumber;
        }
        if (shipTo is not null)
        {
            StoreTestData.ShipTo(fields, shipTo);
        }
        return (client, StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, fields)));
    }

    [Fact]
    public async Task AGermanConsumerPays7PercentOnShippingAsOnThePrintedCopies()
    {
        var order = await OrderAsync("DE");
        // PDF 118.00 at 19 % = 22.42; printed copies 236.00 and shipping 4.50 at 7 % = 16.835 → 16.84.
        Assert.Equal((4.50m, 0.07m, "DE", TaxBasis.Domestic, "Deutschland"), StoreTestData.ShippingOf(order));
        Assert.Equal((358.50m, 39.26m, 0m, 397.76m), (order.NetTotal, order.VatTotal, order.Rounding, order.Total));
        Assert.Equal([(0.19m, "DE", 118.00m, 22.42m), (0.07m, "DE", 240.50m, 16.84m)],
            order.TotalsIn(new Currency("EUR", 2, 0.01m)).ByRate.Select(r => (r.Rate, r.Country, r.Net, r.Vat)));
    }

    [Fact]
    public async Task AFrenchConsumerPaysFrenchVatOnThePdfAndFrancesRateForBooksOnPrintedCopiesAndShipping()
    {
        var order = await OrderAsync("FR");
        // PDF 118.00 at 20 % = 23.60; printed copies and shipping 245.90 at 5.5 % = 13.5245 → 13.52; both France's VAT, through the one-stop shop.
        Assert.Equal((9.90m, 0.055m, "FR", TaxBasis.OneStopShop, "EU"), StoreTestData.ShippingOf(order));
        Assert.Equal((363.90m, 37.12m, 401.02m), (order.NetTotal, order.VatTotal, order.Total));
        Assert.All(order.Lines, l => Assert.Equal(("FR", TaxBasis.OneStopShop), (l.TaxCountry, l.TaxBasis)));
        Assert.Equal([(0.20m, "FR", 118.00m, 23.60m), (0.055m, "FR", 245.90m, 13.52m)],
            order.TotalsIn(new Currency("EUR", 2, 0.01m)).ByRate.Select(r => (r.Rate, r.Country, r.Net, r.Vat)));
    }

    [Fact]
    public async Task ABuyerBilledInGermanyWithPaperShippedToAustriaPaysAustriasRateOnThePaper()
    {
        var order = await OrderAsync("DE", shipTo: "AT");
        // PDF 118.00 at 19 % (Germany) = 22.42; printed copies and shipping 245.90 at 10 % (Austria, one-stop shop) = 24.59.
        Assert.Equal((9.90m, 0.10m, "AT", TaxBasis.OneStopShop, "EU"), StoreTestData.ShippingOf(order));
        Assert.Equal((363.90m, 47.01m, 410.91m), (order.NetTotal, order.VatTotal, order.Total));
        Assert.Equal([(0.19m, "DE", TaxBasis.Domestic, 118.00m, 22.42m), (0.10m, "AT", TaxBasis.OneStopShop, 245.90m, 24.59m)],
            order.TotalsIn(new Currency("EUR", 2, 0.01m)).ByRate.Select(r => (r.Rate, r.Country, r.Basis, r.Net, r.Vat)));
    }

    [Fact]
    public async Task AMixedOrderBilledInFranceAndShippedToGermanyShowsEachCountrysVatOnThePageTheInvoiceAndTheExports()
    {
        var (client, number) = await PlaceAsync("FR", shipTo: "DE");
        var order = await StoreTestData.OrderAsync(factory, number);
        // PDF 118.00 at 20 % (France, one-stop shop) = 23.60; printed copies 236.00 and shipping 4.50 at 7 % (Germany) = 16.835 → 16.84.
        Assert.Equal((4.50m, 0.07m, "DE", TaxBasis.Domestic, "Deutschland"), StoreTestData.ShippingOf(order));
        Assert.Equal((358.50m, 40.44m, 398.94m), (order.NetTotal, order.VatTotal, order.Total));
        Assert.Equal([(ProductFormat.Pdf, "FR", TaxBasis.OneStopShop, 0.20m), (ProductFormat.Paper, "DE", TaxBasis.Domestic, 0.07m)],
            order.Lines.OrderBy(l => l.LineNumber).Select(l => (l.Format, l.TaxCountry, l.TaxBasis, l.VatRate)));

        var page = await client.GetDocumentAsync($"/store/orders/{number}?culture=en");
        var totals = page.QuerySelectorAll("table.totals th").Select(th => th.TextContent).ToList();
        Assert.Contains("VAT 20 % (France, one-stop shop) on EUR 118.00", totals);
        Assert.Contains("VAT 7 % (Germany) on EUR 240.50", totals);
        Assert.Contains("EUR 398.94", page.QuerySelector("table.totals tr.total")!.TextContent, StringComparison.Ordinal);

        await StoreTestData.MarkPaidAsync(factory, number);
        var invoice = string.Join("\n", PdfText.Pages(await (await client.GetAsync($"/store/orders/{number}/invoice?culture=en")).Content.ReadAsByteArrayAsync()));
        Assert.Contains("VAT 20 % (France, one-stop shop) on EUR 118.00", invoice, StringComparison.Ordinal);
        Assert.Contains("VAT 7 % (Germany) on EUR 240.50", invoice, StringComparison.Ordinal);
        Assert.Contains("VAT of France at its rate, declared through the EU one-stop shop", invoice, StringComparison.Ordinal);
        Assert.Contains("Shipping of the printed copies to Germany", invoice, StringComparison.Ordinal);

        // The accountant declares France's VAT through the one-stop shop and Germany's at home.
        var (editor, _) = await factory.SignInAsAsync("Editor");
        var orders = await (await editor.GetAsync(StoreLinks.AdminOrders(null, q: number, csv: true))).Content.ReadAsStringAsync();
        Assert.Contains("FR 20 OneStopShop: 118.00 + 23.60; DE 7 Domestic: 240.50 + 16.84", orders, StringComparison.Ordinal);
        var tax = await (await editor.GetAsync(StoreLinks.AdminOrders(null, q: number, taxCsv: true))).Content.ReadAsStringAsync();
        var rows = Csv.Read(new StringReader(tax.TrimStart('\uFEFF'))).Where(l => l.Fields[0] is "DE" or "FR").Select(l => string.Join(",", l.Fields)).ToList();
        Assert.Equal(["DE,0.0700,1,240.50,16.84,0,0.00,0.00,Domestic", "FR,0.2000,1,118.00,23.60,0,0.00,0.00,OneStopShop"], rows);
    }

    [Fact]
    public async Task AFrenchBusinessWithAVatNumberAccountsForTheVatOnShippingToo()
    {
        var order = await OrderAsync("FR", "FR40303265045");
        Assert.Equal((9.90m, 0m, "FR", TaxBasis.ReverseCharge, "EU"), StoreTestData.ShippingOf(order));
        Assert.Equal((363.90m, 0m, 363.90m), (order.NetTotal, order.VatTotal, order.Total));
        Assert.Equal([(0m, "FR", TaxBasis.ReverseCharge, 363.90m)],
            order.TotalsIn(new Currency("EUR", 2, 0.01m)).ByRate.Select(r => (r.Rate, r.Country, r.Basis, r.Net)));
    }

    [Fact]
    public async Task PrintedCopiesAndTheirShippingOutsideTheEuAreAnExport()
    {
        var order = await OrderAsync("US");
        Assert.Equal((19.90m, 0m, "US", TaxBasis.Export, "Welt"), StoreTestData.ShippingOf(order));
        Assert.Equal((373.90m, 0m, 373.90m), (order.NetTotal, order.VatTotal, order.Total));
    }

    [Fact]
    public async Task ASubscriptionBoughtWithPrintedCopiesIsTaxedWhereTheBuyerIsBilledAndIsNeitherShippedNorSeated()
    {
        await StoreTestData.SetShippingAsync(factory,
            StoreTestData.Zone("Deutschland", "DE", (1, null, 4.50m)),
            StoreTestData.Zone("EU", "FR AT NL", (1, 40, 9.90m), (41, null, 14.90m)),
            StoreTestData.Zone("Welt", "", (1, null, 19.90m)));
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 20);
        var collection = await SubscriptionTestData.AddCollectionAsync(factory, CollectionRule.List, references: [d.Reference], price: 480m);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper", "en", "2");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/store/collections/{collection.Id}", [], "form.subscribe-form")).StatusCode);
        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.ShipTo(StoreTestData.Checkout(country: "FR", holder: "Ada Lovelace"), "AT")));
        var order = await StoreTestData.OrderAsync(factory, number);

        // The subscription, 480.00 at France's 20 % = 96.00; the two printed copies (40 pages, the first band) and their shipping, 245.90 at Austria's 10 % = 24.59.
        Assert.Equal([(ProductFormat.Paper, "AT", TaxBasis.OneStopShop, 0.10m, ShippingStatus.Pending), (ProductFormat.Subscription, "FR", TaxBasis.OneStopShop, 0.20m, ShippingStatus.NotApplicable)],
            order.Lines.OrderBy(l => l.LineNumber).Select(l => (l.Format, l.TaxCountry, l.TaxBasis, l.VatRate, l.ShippingStatus)));
        Assert.Equal((9.90m, 0.10m, "AT", TaxBasis.OneStopShop, "EU"), StoreTestData.ShippingOf(order));
        Assert.Equal((725.90m, 120.59m, 846.49m), (order.NetTotal, order.VatTotal, order.Total));
        // The subscription is licensed to the person named at checkout, as a PDF for one person is.
        Assert.Equal("Ada Lovelace", order.LicenceHolder);

        await StoreTestData.MarkPaidAsync(factory, number);
        var line = order.Lines.Single(l => l.Format == ProductFormat.Subscription);
        var (subscriptions, seats, paid) = await factory.WithDbAsync(async db => (
            await db.Subscriptions.CountAsync(x => x.OrderLineId == line.Id),
            await db.OrderSeats.CountAsync(x => x.OrderLineId == line.Id),
            await db.Orders.Where(o => o.Number == number).Select(o => o.Status).SingleAsync()));
        Assert.Equal((1, 0, OrderStatus.Paid), (subscriptions, seats, paid));

        // The list to ship counts the printed copies only, and the packing list holds nothing else.
        var (editor, _) = await factory.SignInAsAsync("Editor");
        var packing = await editor.GetDocumentAsync(StoreLinks.PackingList(number) + "?culture=en");
        Assert.Contains(d.Reference, packing.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(collection.NameEn, packing.Body!.TextContent, StringComparison.Ordinal);
    }
}
