using Normative.Features.Store.Tax;

namespace Normative.Tests.Features.Store.Shipping;

/// <summary>
/// A German seller (Store:Tax:Regime=DE) charges shipping with the VAT of the printed copies it
/// delivers: German VAT at home and for consumers elsewhere in the EU, reverse charge for an EU
/// business with a VAT number, none for an export; to the cent.
/// </summary>
public class GermanShippingTests(GermanShippingTests.Factory factory) : IClassFixture<GermanShippingTests.Factory>
{
    public sealed class Factory : StoreFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["Store:Tax:Regime"] = "DE" };
    }

    /// <summary>Places an order for a PDF (118.00) and two printed copies of 20 pages (236.00, 40 pages) billed and shipped to <paramref name="country"/>.</summary>
    private async Task<Normative.Features.Store.Orders.Order> OrderAsync(string country, string? vatNumber = null)
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
        return await StoreTestData.OrderAsync(factory, StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, fields)));
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
    public async Task AFrenchConsumerPaysFrenchVatOnThePdfAndGermanVatOnPrintedCopiesAndShipping()
    {
        var order = await OrderAsync("FR");
        // PDF 118.00 at 20 % (France, one-stop shop) = 23.60; printed copies and shipping 245.90 at 7 % (Germany) = 17.213 → 17.21.
        Assert.Equal((9.90m, 0.07m, "DE", TaxBasis.Domestic, "EU"), StoreTestData.ShippingOf(order));
        Assert.Equal((363.90m, 40.81m, 404.71m), (order.NetTotal, order.VatTotal, order.Total));
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
}
