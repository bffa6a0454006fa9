using System.Text;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Tax;

namespace Normative.Tests.Features.Store.Tax;

/// <summary>
/// The two shipped regimes — Switzerland (CHF, Swiss VAT) and Germany (EUR, German VAT under the
/// EU's rules) — for consumers and businesses, at home and abroad, electronic and printed, with the
/// amounts an order would charge, to the cent.
/// </summary>
public class TaxRegimeTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);
    private static readonly TaxRegime Swiss = TaxRegime.Load("CH", null);
    private static readonly TaxRegime German = TaxRegime.Load("DE", null);

    private static TaxDecision Decide(TaxRegime regime, string country, TaxKind kind, string? vatNumber = null, string? shipTo = null) =>
        regime.Decide(country, vatNumber, kind, Today, shipTo) ?? throw new InvalidOperationException($"no rule for {country}");

    /// <summary>What a buyer billed in <paramref name="country"/> pays for these lines (net amounts), printed copies shipped there, as an order computes it.</summary>
    private static Vat.Totals Order(TaxRegime regime, string country, string? vatNumber, params (decimal Net, TaxKind Kind)[] lines) =>
        ShippedOrder(regime, country, vatNumber, null, lines);

    private static Vat.Totals ShippedOrder(TaxRegime regime, string country, string? vatNumber, string? shipTo, params (decimal Net, TaxKind Kind)[] lines) =>
        Vat.Compute(lines.Select(l =>
        {
            var tax = Decide(regime, country, l.Kind, vatNumber, shipTo);
            return new Vat.Line(l.Net, tax.Rate, tax.Country, tax.Basis);
        }), regime.Currency);

    [Fact]
    public void TheShippedRegimesSellInTheirOwnCurrency()
    {
        Assert.Equal(new Currency("CHF", 2, 0.05m), Swiss.Currency);
        Assert.Equal(new Currency("EUR", 2, 0.01m), German.Currency);
        Assert.Equal(["CH", "LI"], Swiss.Territory);
        Assert.False(Swiss.EuMember);
        Assert.True(German.EuMember);
    }

    [Theory]
    [InlineData("CH", TaxKind.Electronic, "0.081", "CH", TaxBasis.Domestic)]
    [InlineData("CH", TaxKind.Printed, "0.026", "CH", TaxBasis.Domestic)]
    [InlineData("CH", TaxKind.Shipping, "0.026", "CH", TaxBasis.Domestic)]
    [InlineData("li", TaxKind.Electronic, "0.081", "CH", TaxBasis.Domestic)]
    [InlineData("LI", TaxKind.Printed, "0.026", "CH", TaxBasis.Domestic)]
    [InlineData("DE", TaxKind.Electronic, "0", "DE", TaxBasis.Export)]
    [InlineData("FR", TaxKind.Printed, "0", "FR", TaxBasis.Export)]
    [InlineData("US", TaxKind.Electronic, "0", "US", TaxBasis.Export)]
    public void SwissVatAppliesInSwitzerlandAndLiechtensteinOnly(string country, TaxKind kind, string rate, string taxCountry, TaxBasis basis) =>
        Assert.Equal(new TaxDecision(Parse(rate), taxCountry, basis), Decide(Swiss, country, kind));

    [Theory]
    [InlineData("CH", "FR", TaxKind.Printed, "0", "FR", TaxBasis.Export)]
    [InlineData("CH", "FR", TaxKind.Shipping, "0", "FR", TaxBasis.Export)]
    [InlineData("CH", "FR", TaxKind.Electronic, "0.081", "CH", TaxBasis.Domestic)]
    [InlineData("FR", "CH", TaxKind.Printed, "0.026", "CH", TaxBasis.Domestic)]
    [InlineData("FR", "CH", TaxKind.Shipping, "0.026", "CH", TaxBasis.Domestic)]
    [InlineData("FR", "CH", TaxKind.Electronic, "0", "FR", TaxBasis.Export)]
    [InlineData("DE", "LI", TaxKind.Printed, "0.026", "CH", TaxBasis.Domestic)]
    [InlineData("LI", "US", TaxKind.Printed, "0", "US", TaxBasis.Export)]
    public void ASwissSellerTaxesPrintedCopiesWhereTheyAreShippedAndPdfsWhereTheBuyerIsBilled(string billed, string shipTo, TaxKind kind, string rate, string taxCountry, TaxBasis basis) =>
        Assert.Equal(new TaxDecision(Parse(rate), taxCountry, basis), Decide(Swiss, billed, kind, shipTo: shipTo));

    [Fact]
    public void ASwissSellerChargesNoReverseChargeForAnEuBusinessItIsSimplyOutsideSwissVat() =>
        Assert.Equal(new TaxDecision(0m, "FR", TaxBasis.Export), Decide(Swiss, "FR", TaxKind.Electronic, "FR40303265045"));

    [Fact]
    public void SwissConsumerPaysSwissVatToTheCentAndTheTotalIsRoundedToFiveCentimes()
    {
        // PDF 118.00 at 8.1 % = 9.558 → 9.56; two printed copies 84.00 at 2.6 % = 2.184 → 2.18; shipping 12.00 at 2.6 % with them.
        var totals = Order(Swiss, "CH", null, (118.00m, TaxKind.Electronic), (84.00m, TaxKind.Printed), (12.00m, TaxKind.Shipping));
        Assert.Equal([(0.081m, 118.00m, 9.56m), (0.026m, 96.00m, 2.50m)], totals.ByRate.Select(r => (r.Rate, r.Net, r.Vat)));
        Assert.Equal(214.00m, totals.Net);
        Assert.Equal(12.06m, totals.Vat);
        Assert.Equal(226.05m, totals.Total);        // 226.06 → 226.05
        Assert.Equal(-0.01m, totals.Rounding);
    }

    [Fact]
    public void SwissBusinessWithAUidPaysSwissVatAsAConsumerDoes()
    {
        var totals = Order(Swiss, "CH", "CHE-116.281.710 MWST", (42.00m, TaxKind.Printed));
        Assert.Equal(1.09m, totals.Vat);            // 1.092
        Assert.Equal(43.10m, totals.Total);         // 43.09 → 43.10
    }

    [Fact]
    public void BuyerOutsideSwitzerlandPaysTheNetPrice()
    {
        var totals = Order(Swiss, "DE", null, (118.00m, TaxKind.Electronic), (84.00m, TaxKind.Printed));
        Assert.Equal(0m, totals.Vat);
        Assert.Equal(202.00m, totals.Total);
        Assert.All(totals.ByRate, r => Assert.Equal(TaxBasis.Export, r.Basis));
    }

    [Theory]
    [InlineData("DE", null, TaxKind.Electronic, "0.19", "DE", TaxBasis.Domestic)]
    [InlineData("DE", null, TaxKind.Printed, "0.07", "DE", TaxBasis.Domestic)]
    [InlineData("DE", null, TaxKind.Shipping, "0.07", "DE", TaxBasis.Domestic)]
    [InlineData("DE", "DE 123 456 789", TaxKind.Electronic, "0.19", "DE", TaxBasis.Domestic)]
    [InlineData("FR", null, TaxKind.Electronic, "0.20", "FR", TaxBasis.OneStopShop)]
    [InlineData("FI", null, TaxKind.Electronic, "0.255", "FI", TaxBasis.OneStopShop)]
    [InlineData("GR", null, TaxKind.Electronic, "0.24", "GR", TaxBasis.OneStopShop)]
    [InlineData("FR", null, TaxKind.Printed, "0.055", "FR", TaxBasis.OneStopShop)]
    [InlineData("FR", null, TaxKind.Shipping, "0.055", "FR", TaxBasis.OneStopShop)]
    [InlineData("AT", null, TaxKind.Printed, "0.10", "AT", TaxBasis.OneStopShop)]
    [InlineData("IT", null, TaxKind.Printed, "0.04", "IT", TaxBasis.OneStopShop)]
    [InlineData("IE", null, TaxKind.Printed, "0", "IE", TaxBasis.OneStopShop)]
    [InlineData("DK", null, TaxKind.Printed, "0.25", "DK", TaxBasis.OneStopShop)]
    [InlineData("FR", "FR40303265045", TaxKind.Electronic, "0", "FR", TaxBasis.ReverseCharge)]
    [InlineData("FR", "FR40303265045", TaxKind.Printed, "0", "FR", TaxBasis.ReverseCharge)]
    [InlineData("AT", "ATU12345678", TaxKind.Electronic, "0", "AT", TaxBasis.ReverseCharge)]
    [InlineData("GR", "EL123456789", TaxKind.Electronic, "0", "GR", TaxBasis.ReverseCharge)]
    [InlineData("NL", "NL123456789B01", TaxKind.Printed, "0", "NL", TaxBasis.ReverseCharge)]
    [InlineData("FR", "FR123", TaxKind.Electronic, "0.20", "FR", TaxBasis.OneStopShop)]
    [InlineData("CH", null, TaxKind.Electronic, "0", "CH", TaxBasis.Export)]
    [InlineData("CH", "CHE-116.281.710 MWST", TaxKind.Printed, "0", "CH", TaxBasis.Export)]
    [InlineData("US", null, TaxKind.Printed, "0", "US", TaxBasis.Export)]
    public void GermanVatFollowsTheEusRules(string country, string? vatNumber, TaxKind kind, string rate, string taxCountry, TaxBasis basis) =>
        Assert.Equal(new TaxDecision(Parse(rate), taxCountry, basis), Decide(German, country, kind, vatNumber));

    [Theory]
    [InlineData("DE", null, "AT", TaxKind.Printed, "0.10", "AT", TaxBasis.OneStopShop)]
    [InlineData("DE", null, "AT", TaxKind.Shipping, "0.10", "AT", TaxBasis.OneStopShop)]
    [InlineData("DE", null, "AT", TaxKind.Electronic, "0.19", "DE", TaxBasis.Domestic)]
    [InlineData("FR", null, "DE", TaxKind.Printed, "0.07", "DE", TaxBasis.Domestic)]
    [InlineData("FR", null, "DE", TaxKind.Electronic, "0.20", "FR", TaxBasis.OneStopShop)]
    [InlineData("FR", "FR40303265045", "DE", TaxKind.Printed, "0.07", "DE", TaxBasis.Domestic)]
    [InlineData("FR", "FR40303265045", "AT", TaxKind.Printed, "0", "AT", TaxBasis.ReverseCharge)]
    [InlineData("DE", "DE123456789", "AT", TaxKind.Printed, "0.07", "DE", TaxBasis.Domestic)]
    [InlineData("CH", "CHE-116.281.710 MWST", "FR", TaxKind.Printed, "0.055", "FR", TaxBasis.OneStopShop)]
    [InlineData("US", null, "FR", TaxKind.Printed, "0.055", "FR", TaxBasis.OneStopShop)]
    [InlineData("FR", null, "US", TaxKind.Printed, "0", "US", TaxBasis.Export)]
    [InlineData("FR", null, "CH", TaxKind.Shipping, "0", "CH", TaxBasis.Export)]
    public void AGermanSellerTaxesPrintedCopiesWhereTheyAreShipped(string billed, string? vatNumber, string shipTo, TaxKind kind, string rate, string taxCountry, TaxBasis basis) =>
        Assert.Equal(new TaxDecision(Parse(rate), taxCountry, basis), Decide(German, billed, kind, vatNumber, shipTo));

    [Fact]
    public void GermanConsumerPays19PercentOnAPdfAnd7OnPaperToTheCent()
    {
        // 118.00 × 19 % = 22.42; (84.00 + 6.50) × 7 % = 6.335 → 6.34; no cash rounding in euros.
        var totals = Order(German, "DE", null, (118.00m, TaxKind.Electronic), (84.00m, TaxKind.Printed), (6.50m, TaxKind.Shipping));
        Assert.Equal([(0.19m, 118.00m, 22.42m), (0.07m, 90.50m, 6.34m)], totals.ByRate.Select(r => (r.Rate, r.Net, r.Vat)));
        Assert.Equal(237.26m, totals.Total);
        Assert.Equal(0m, totals.Rounding);
    }

    [Fact]
    public void FrenchConsumerPaysFrenchVatOnThePdfAndOnThePrintedCopyEachAtItsRate()
    {
        // 118.00 at 20 % = 23.60; 42.00 at 5.5 %, France's rate for books = 2.31.
        var totals = Order(German, "FR", null, (118.00m, TaxKind.Electronic), (42.00m, TaxKind.Printed));
        Assert.Equal([("FR", TaxBasis.OneStopShop, 0.20m, 23.60m), ("FR", TaxBasis.OneStopShop, 0.055m, 2.31m)],
            totals.ByRate.Select(r => (r.Country, r.Basis, r.Rate, r.Vat)));
        Assert.Equal(185.91m, totals.Total);
    }

    [Fact]
    public void ABuyerBilledInFranceWithPaperShippedToGermanyPaysTwoCountriesVat()
    {
        // 118.00 at 20 % (France) = 23.60; 84.00 and 4.50 shipping at 7 % (Germany) = 6.195 → 6.20.
        var totals = ShippedOrder(German, "FR", null, "DE", (118.00m, TaxKind.Electronic), (84.00m, TaxKind.Printed), (4.50m, TaxKind.Shipping));
        Assert.Equal([("FR", TaxBasis.OneStopShop, 0.20m, 118.00m, 23.60m), ("DE", TaxBasis.Domestic, 0.07m, 88.50m, 6.20m)],
            totals.ByRate.Select(r => (r.Country, r.Basis, r.Rate, r.Net, r.Vat)));
        Assert.Equal(236.30m, totals.Total);
    }

    [Fact]
    public void FrenchBusinessWithAVatNumberPaysNoVatUnderReverseCharge()
    {
        var totals = Order(German, "FR", "FR 40 303 265 045", (118.00m, TaxKind.Electronic), (42.00m, TaxKind.Printed));
        var only = Assert.Single(totals.ByRate);
        Assert.Equal(("FR", TaxBasis.ReverseCharge, 0m, 160.00m), (only.Country, only.Basis, only.Vat, only.Net));
        Assert.Equal(160.00m, totals.Total);
    }

    [Fact]
    public void BuyerOutsideTheEuPaysNoGermanVat()
    {
        var totals = Order(German, "US", null, (118.00m, TaxKind.Electronic), (42.00m, TaxKind.Printed));
        Assert.Equal(0m, totals.Vat);
        Assert.Equal(160.00m, totals.Total);
    }

    [Fact]
    public void ARateFromALaterDateAppliesFromThatDateOnly()
    {
        var regime = Regime("""
            {"id":"XX","name":"Test","currency":{"code":"EUR","minorUnits":2,"cashRounding":0.01},"territory":["AT"],"euMember":false,
             "domestic":[{"kind":"Electronic","rate":0.20,"from":"2024-01-01"},{"kind":"Electronic","rate":0.22,"from":"2027-01-01"},
                         {"kind":"Printed","rate":0.10,"from":"2024-01-01"},{"kind":"Shipping","rate":0.10,"from":"2024-01-01"}],
             "abroad":[{"country":"CH","kind":"Electronic","rate":0,"from":"2024-01-01"}]}
            """);
        Assert.Equal(0.20m, regime.Decide("AT", null, TaxKind.Electronic, new(2026, 12, 31), null)!.Rate);
        Assert.Equal(0.22m, regime.Decide("AT", null, TaxKind.Electronic, new(2027, 1, 1), null)!.Rate);
        Assert.Null(regime.Decide("AT", null, TaxKind.Electronic, new(2023, 12, 31), null));
        // No rule for the United States, nor for printed copies to Switzerland: the store does not sell there.
        Assert.Equal(0m, regime.Decide("CH", null, TaxKind.Electronic, Today, null)!.Rate);
        Assert.Null(regime.Decide("CH", null, TaxKind.Printed, Today, null));
        Assert.Null(regime.Decide("AT", null, TaxKind.Printed, Today, "CH"));
        Assert.Equal(0.10m, regime.Decide("CH", null, TaxKind.Printed, Today, "AT")!.Rate);
        Assert.Null(regime.Decide("US", null, TaxKind.Electronic, Today, null));
    }

    [Theory]
    [InlineData("""{"id":"XX","name":"T","territory":["AT"],"domestic":[]}""", "currency")]
    [InlineData("""{"id":"XX","name":"T","currency":{"code":"EUR","minorUnits":3,"cashRounding":0.001},"territory":["AT"],"domestic":[]}""", "minorUnits")]
    [InlineData("""{"id":"XX","name":"T","currency":{"code":"EUR","minorUnits":2,"cashRounding":0.01},"territory":["AT"],"domestic":[{"kind":"Electronic","rate":0.2,"from":"2024-01-01"}]}""", "no rate for Printed")]
    [InlineData("""{"id":"XX","name":"T","currency":{"code":"EUR","minorUnits":2,"cashRounding":0.01},"territory":["AT"],"domestic":[{"kind":"Electronic","rate":20,"from":"2024-01-01"}]}""", "between 0 and 1")]
    [InlineData("""{"id":"XX",""", "not valid JSON")]
    public void ABrokenRegimeFileStopsTheSiteWithAMessageSayingWhatToFix(string json, string message)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Regime(json));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownShippedRegimeIsRefusedNamingTheOnesThatExist()
    {
        var e = Assert.Throws<InvalidOperationException>(() => TaxRegime.Load("XY", null));
        Assert.Contains("CH, DE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEuRatesSayWhereTheyComeFromAndCoverTheTwentySevenMemberStates()
    {
        Assert.Equal(27, Swiss.Eu.Rates.Count);
        Assert.Contains("European Commission", Swiss.Eu.Source, StringComparison.Ordinal);
        Assert.StartsWith("https://taxation-customs.ec.europa.eu/", Swiss.Eu.Url, StringComparison.Ordinal);
        Assert.All(Swiss.Eu.Rates.Values, r => Assert.InRange(r, 0.15m, 0.28m));
    }

    [Fact]
    public void TheEuRatesForPrintedBooksAreTheMemberStatesReducedRates()
    {
        var eu = German.Eu;
        Assert.Equal([0.055m, 0.10m, 0.04m, 0.04m, 0.09m, 0.06m, 0.07m], new[] { "FR", "AT", "IT", "ES", "NL", "BE", "DE" }.Select(eu.PrintedRate));
        // Denmark has no reduced rate for books: its standard rate.
        Assert.Equal(0.25m, eu.PrintedRate("DK"));
        Assert.All(eu.Printed, p => Assert.InRange(p.Value, 0m, eu.Rates[p.Key]));
        Assert.Equal(26, eu.Printed.Count);
    }

    private static TaxRegime Regime(string json) =>
        TaxRegime.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test", TaxRegime.ReadEu());

    private static decimal Parse(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
