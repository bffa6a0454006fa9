using Normative.Features.Store.Checkout;
using Normative.Features.Store.Tax;
using Normative.Web;

namespace Normative.Tests.Features.Store.Checkout;

/// <summary>Totals, rounding and the currency's formats, computed the way an order computes them.</summary>
public class VatTests
{
    private static readonly Currency Chf = new("CHF", 2, 0.05m);
    private static readonly Currency Eur = new("EUR", 2, 0.01m);

    private static Vat.Line Swiss(decimal net, decimal rate) => new(net, rate, "CH", TaxBasis.Domestic);

    [Fact]
    public void SwissBuyerOfAPdfPays8Point1PercentAndTheTotalIsRoundedTo5Centimes()
    {
        var totals = Vat.Compute([Swiss(118.00m, 0.081m)], Chf);
        Assert.Equal(118.00m, totals.Net);
        Assert.Equal(9.56m, totals.Vat);            // 9.558
        Assert.Equal(127.55m, totals.Total);        // 127.56 → 127.55
        Assert.Equal(-0.01m, totals.Rounding);
    }

    [Fact]
    public void TheSameAmountInEurosIsNotCashRounded()
    {
        var totals = Vat.Compute([new Vat.Line(118.00m, 0.081m, "XX", TaxBasis.Domestic)], Eur);
        Assert.Equal(127.56m, totals.Total);
        Assert.Equal(0m, totals.Rounding);
    }

    [Fact]
    public void MixedOrderComputesVatOncePerRateAndCountryOnThatNetSum()
    {
        // Two PDFs at 8.1 % (VAT on 118 + 63 = 181 → 14.661 → 14.66), two printed copies at 2.6 % (84 → 2.184 → 2.18).
        var totals = Vat.Compute([Swiss(118m, 0.081m), Swiss(63m, 0.081m), Swiss(84m, 0.026m)], Chf);
        Assert.Equal([0.081m, 0.026m], totals.ByRate.Select(r => r.Rate));
        Assert.Equal(181m, totals.ByRate[0].Net);
        Assert.Equal(14.66m, totals.ByRate[0].Vat);
        Assert.Equal(2.18m, totals.ByRate[1].Vat);
        Assert.Equal(265m, totals.Net);
        Assert.Equal(16.84m, totals.Vat);
        Assert.Equal(281.85m, totals.Total);        // 281.84 → 281.85
        Assert.Equal(0.01m, totals.Rounding);
    }

    [Fact]
    public void TheSameRateOfTwoCountriesIsTwoTotals()
    {
        var totals = Vat.Compute([new Vat.Line(100m, 0.21m, "NL", TaxBasis.OneStopShop), new Vat.Line(100m, 0.21m, "ES", TaxBasis.OneStopShop)], Eur);
        Assert.Equal(["ES", "NL"], totals.ByRate.Select(r => r.Country));
        Assert.Equal(42m, totals.Vat);
    }

    [Fact]
    public void EmptyOrderCostsNothing()
    {
        var totals = Vat.Compute([], Chf);
        Assert.Equal(0m, totals.Total);
        Assert.Empty(totals.ByRate);
    }

    [Theory]
    [InlineData("10.00", "10.00")]
    [InlineData("10.01", "10.00")]
    [InlineData("10.02", "10.00")]
    [InlineData("10.025", "10.05")]
    [InlineData("10.03", "10.05")]
    [InlineData("10.04", "10.05")]
    [InlineData("10.05", "10.05")]
    [InlineData("10.06", "10.05")]
    [InlineData("10.07", "10.05")]
    [InlineData("10.074", "10.05")]
    [InlineData("10.075", "10.10")]
    [InlineData("10.08", "10.10")]
    [InlineData("10.09", "10.10")]
    [InlineData("0.02", "0.00")]
    [InlineData("0.03", "0.05")]
    public void FrancTotalsAreRoundedToTheNearestFiveCentimes(string amount, string rounded) =>
        Assert.Equal(Parse(rounded), Chf.ToPayable(Parse(amount)));

    [Theory]
    [InlineData("10.03", "10.03")]
    [InlineData("10.035", "10.04")]
    [InlineData("10.074", "10.07")]
    public void EuroTotalsAreRoundedToTheCent(string amount, string rounded) =>
        Assert.Equal(Parse(rounded), Eur.ToPayable(Parse(amount)));

    [Theory]
    [InlineData("9.554", "9.55")]
    [InlineData("9.555", "9.56")]
    [InlineData("9.545", "9.55")]
    [InlineData("1.005", "1.01")]
    [InlineData("0.004", "0.00")]
    public void VatIsRoundedToTheMinorUnitHalfAwayFromZero(string amount, string rounded) =>
        Assert.Equal(Parse(rounded), Chf.Round(Parse(amount)));

    [Fact]
    public void ACurrencyWithoutMinorUnitsRoundsToWholeUnits()
    {
        var yen = new Currency("JPY", 0, 1m);
        Assert.Equal(1235m, yen.ToPayable(1234.5m));
        using var _ = CultureScope.Use("en");
        Assert.Equal("JPY 1,235", yen.Format(1235m));
    }

    [Fact]
    public void ALineIsUnitPriceTimesQuantityInCentimes()
    {
        Assert.Equal(127.50m, Vat.LineNet(42.50m, 3));
        Assert.Equal(4158.00m, Vat.LineNet(42.00m, 99));
    }

    [Fact]
    public void AmountsAreWrittenWithTheCurrencyAndItsDecimals()
    {
        using (CultureScope.Use("en"))
        {
            Assert.Equal("CHF 42.00", Chf.Format(42m));
            Assert.Equal("EUR 1,234.50", Eur.Format(1234.5m));
            Assert.Equal("8.1", Vat.Percent(0.081m));
            Assert.Equal("25.5", Vat.Percent(0.255m));
        }
        using (CultureScope.Use("fr"))
        {
            Assert.Equal("EUR 42,50", Eur.Format(42.5m));
        }
    }

    private static decimal Parse(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void ShippingIsTaxedWithThePrintedCopiesAndShownApart()
    {
        // Printed copies 236.00 and their shipping 9.00 share the 2.6 % line: VAT once, on 245.00 = 6.37.
        var totals = Vat.Compute([Swiss(118m, 0.081m), Swiss(236m, 0.026m), new Vat.Line(9m, 0.026m, "CH", TaxBasis.Domestic, IsShipping: true)], Chf);
        Assert.Equal([(0.081m, 118m, 9.56m), (0.026m, 245m, 6.37m)], totals.ByRate.Select(r => (r.Rate, r.Net, r.Vat)));
        Assert.Equal((363m, 15.93m, (decimal?)9m), (totals.Net, totals.Vat, totals.Shipping));
        Assert.Equal(378.95m, totals.Total);
        Assert.Null(Vat.Compute([Swiss(118m, 0.081m)], Chf).Shipping);
    }
}
