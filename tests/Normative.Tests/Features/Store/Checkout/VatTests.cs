using Normative.Features.Store;
using Normative.Features.Store.Checkout;
using Normative.Web;

namespace Normative.Tests.Features.Store.Checkout;

/// <summary>Swiss VAT and rounding, with the rules as migration 0400 seeds them.</summary>
public class VatTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static readonly TaxRule[] Rules =
    [
        new() { Country = "CH", Format = ProductFormat.Pdf, Rate = 0.081m, ValidFrom = new(2024, 1, 1), Note = "" },
        new() { Country = "CH", Format = ProductFormat.Paper, Rate = 0.026m, ValidFrom = new(2024, 1, 1), Note = "" },
        new() { Country = "LI", Format = ProductFormat.Pdf, Rate = 0.081m, ValidFrom = new(2024, 1, 1), Note = "" },
        new() { Country = "LI", Format = ProductFormat.Paper, Rate = 0.026m, ValidFrom = new(2024, 1, 1), Note = "" },
        new() { Country = "*", Format = ProductFormat.Pdf, Rate = 0m, ValidFrom = new(2024, 1, 1), Note = "" },
        new() { Country = "*", Format = ProductFormat.Paper, Rate = 0m, ValidFrom = new(2024, 1, 1), Note = "" },
    ];

    [Theory]
    [InlineData("CH", ProductFormat.Pdf, "0.081")]
    [InlineData("ch", ProductFormat.Pdf, "0.081")]
    [InlineData("CH", ProductFormat.Paper, "0.026")]
    [InlineData("LI", ProductFormat.Pdf, "0.081")]
    [InlineData("LI", ProductFormat.Paper, "0.026")]
    [InlineData("DE", ProductFormat.Pdf, "0")]
    [InlineData("US", ProductFormat.Pdf, "0")]
    [InlineData("FR", ProductFormat.Paper, "0")]
    [InlineData("CH", ProductFormat.Online, "0.081")]
    [InlineData("DE", ProductFormat.Online, "0")]
    public void RateDependsOnTheBillingCountryAndTheFormat(string country, ProductFormat format, string rate) =>
        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), TaxRates.RateFor(Rules, country, format, Today));

    [Fact]
    public void ANewRateAppliesFromItsDateOnly()
    {
        TaxRule[] rules = [.. Rules, new() { Country = "CH", Format = ProductFormat.Pdf, Rate = 0.085m, ValidFrom = new(2027, 1, 1), Note = "" }];
        Assert.Equal(0.081m, TaxRates.RateFor(rules, "CH", ProductFormat.Pdf, new(2026, 12, 31)));
        Assert.Equal(0.085m, TaxRates.RateFor(rules, "CH", ProductFormat.Pdf, new(2027, 1, 1)));
    }

    [Fact]
    public void NoApplicableRuleIsAnErrorNotAZeroRate()
    {
        TaxRule[] onlySwiss = [Rules[0]];
        Assert.Throws<InvalidOperationException>(() => TaxRates.RateFor(onlySwiss, "DE", ProductFormat.Pdf, Today));
        Assert.Throws<InvalidOperationException>(() => TaxRates.RateFor(Rules, "CH", ProductFormat.Pdf, new(2023, 12, 31)));
    }

    [Fact]
    public void SwissBuyerOfAPdfPays8Point1PercentAndTheTotalIsRoundedTo5Centimes()
    {
        var totals = Vat.Compute([new Vat.Line(118.00m, 0.081m)]);
        Assert.Equal(118.00m, totals.Net);
        Assert.Equal(9.56m, totals.Vat);            // 9.558
        Assert.Equal(127.55m, totals.Total);        // 127.56 → 127.55
        Assert.Equal(-0.01m, totals.Rounding);
    }

    [Fact]
    public void SwissBuyerOfPrintedMatterPaysTheReducedRate()
    {
        var totals = Vat.Compute([new Vat.Line(42.00m, 0.026m)]);
        Assert.Equal(1.09m, totals.Vat);            // 1.092
        Assert.Equal(43.10m, totals.Total);         // 43.09 → 43.10
        Assert.Equal(0.01m, totals.Rounding);
    }

    [Fact]
    public void BuyerAbroadPaysNoVatOnPdfsOrPaper()
    {
        var totals = Vat.Compute([new Vat.Line(63.00m, 0m), new Vat.Line(84.00m, 0m)]);
        Assert.Equal(0m, totals.Vat);
        Assert.Equal(147.00m, totals.Total);
        Assert.Equal(0m, totals.Rounding);
        Assert.Single(totals.ByRate);
    }

    [Fact]
    public void MixedOrderComputesVatOncePerRateOnThatRatesNetSum()
    {
        // Two PDFs at 8.1 % (VAT on 118 + 63 = 181 → 14.661 → 14.66), two printed copies at 2.6 % (84 → 2.184 → 2.18).
        var totals = Vat.Compute([new Vat.Line(118m, 0.081m), new Vat.Line(63m, 0.081m), new Vat.Line(84m, 0.026m)]);
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
    public void EmptyOrderCostsNothing()
    {
        var totals = Vat.Compute([]);
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
    public void TotalsAreRoundedToTheNearestFiveCentimes(string amount, string rounded) =>
        Assert.Equal(Parse(rounded), Vat.ToFiveCentimes(Parse(amount)));

    [Theory]
    [InlineData("9.554", "9.55")]
    [InlineData("9.555", "9.56")]
    [InlineData("9.545", "9.55")]
    [InlineData("1.005", "1.01")]
    [InlineData("0.004", "0.00")]
    public void VatIsRoundedToTheCentimeHalfAwayFromZero(string amount, string rounded) =>
        Assert.Equal(Parse(rounded), Vat.ToCentimes(Parse(amount)));

    [Fact]
    public void ALineIsUnitPriceTimesQuantityInCentimes()
    {
        Assert.Equal(127.50m, Vat.LineNet(42.50m, 3));
        Assert.Equal(4158.00m, Vat.LineNet(42.00m, 99));
    }

    [Fact]
    public void AmountsAlwaysHaveTwoDecimals()
    {
        using var _ = CultureScope.Use("en");
        Assert.Equal("CHF 42.00", Chf.Format(42m));
        Assert.Equal("CHF 1,234.50", Chf.Format(1234.5m));
        Assert.Equal("8.1", Vat.Percent(0.081m));
        Assert.Equal("2.6", Vat.Percent(0.026m));
    }

    private static decimal Parse(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
