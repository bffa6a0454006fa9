using Normative.Features.Store;
using Normative.Features.Store.Shipping;
using Normative.Features.Store.Tax;
using static Normative.Features.Store.Shipping.ShippingRules;

namespace Normative.Tests.Features.Store.Shipping;

/// <summary>The shipping charge of a parcel, and what the Editors' page refuses to save.</summary>
public class ShippingRulesTests
{
    private static ShippingZone Zone(string name, string[] countries, params (int Min, int? Max, decimal Price)[] rates) => new()
    {
        Name = name,
        EverywhereElse = countries.Length == 0,
        Countries = countries.Select(c => new ShippingZoneCountry { Country = c }).ToList(),
        Rates = rates.Select(r => new ShippingRate { MinPages = r.Min, MaxPages = r.Max, Price = r.Price }).ToList(),
    };

    private static readonly ShippingZone[] Zones =
    [
        Zone("Domestic", ["CH", "LI"], (1, 100, 7.00m), (101, null, 12.00m)),
        Zone("Europe", ["DE", "FR"], (1, 100, 12.00m), (101, 500, 22.00m)),
        Zone("Embargo", ["KP"]),
        Zone("World", [], (1, null, 16.00m)),
    ];

    [Theory]
    [InlineData("CH", 1, "Domestic", "7.00")]
    [InlineData("li", 100, "Domestic", "7.00")]
    [InlineData("CH", 101, "Domestic", "12.00")]
    [InlineData("FR", 40, "Europe", "12.00")]
    [InlineData("DE", 500, "Europe", "22.00")]
    [InlineData("JP", 40, "World", "16.00")]
    [InlineData("US", 5000, "World", "16.00")]
    public void TheZoneListingTheCountryElseEveryOtherCountryGivesTheRateForThePages(string country, int pages, string zone, string price) =>
        Assert.Equal(new Quote(zone, decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)), QuoteFor(Zones, country, pages));

    [Fact]
    public void NoRateMeansNotShippedThere()
    {
        // Europe's bands end at 500 pages; the embargoed zone has none; without a zone for every other country, an unlisted one has none.
        Assert.Null(QuoteFor(Zones, "DE", 501));
        Assert.Null(QuoteFor(Zones, "KP", 10));
        Assert.Null(QuoteFor(Zones.Where(z => !z.EverywhereElse), "JP", 10));
    }

    [Fact]
    public void AParcelHoldsEachCopysPagesTimesItsCopies() =>
        Assert.Equal(2 * 20 + 150 + 1, Pages([(20, 2), (150, 1), (0, 1)]));

    private static ZoneDraft Draft(string name, string countries, params (int Min, int? Max, decimal Price)[] rates) =>
        new(name, countries.Split(' ', StringSplitOptions.RemoveEmptyEntries), countries.Length == 0, rates.Select(r => new RateDraft(r.Min, r.Max, r.Price)).ToList());

    private static IReadOnlyList<Problem> CheckAll(params ZoneDraft[] zones) => Check(zones, Countries.IsKnown);

    [Fact]
    public void TheDefaultsAreAcceptedAndAZoneWithoutRatesToo() =>
        Assert.Empty(CheckAll(
            Draft("Domestic", "CH LI", (1, 100, 7m), (101, null, 0m)),
            Draft("Europe", "DE FR", (1, 100, 12m), (101, 500, 22m)),
            Draft("Embargo", "KP"),
            Draft("World", "", (1, null, 16m))));

    [Fact]
    public void OverlappingBandsAreRefusedNamingZoneAndBands() =>
        Assert.Equal([new Problem("Shipping.Error.Overlap", "Europe", "1–100", "90–500")],
            CheckAll(Draft("Europe", "DE", (1, 100, 12m), (90, 500, 22m))));

    [Fact]
    public void AnOpenBandBeforeAnotherOverlapsIt() =>
        Assert.Equal([new Problem("Shipping.Error.Overlap", "World", "1+", "101–200")],
            CheckAll(Draft("World", "", (1, null, 16m), (101, 200, 20m))));

    [Fact]
    public void BandsMustStartAtOnePageAndLeaveNoGap() =>
        Assert.Equal([new Problem("Shipping.Error.Gap", "Europe", "1–9"), new Problem("Shipping.Error.Gap", "Europe", "101–199")],
            CheckAll(Draft("Europe", "DE", (10, 100, 12m), (200, null, 22m))));

    [Fact]
    public void ANegativeRateIsRefusedButFreeShippingIsNot()
    {
        Assert.Equal([new Problem("Shipping.Error.NegativePrice", "Domestic", "-5.00")], CheckAll(Draft("Domestic", "CH", (1, null, -5m))));
        Assert.Empty(CheckAll(Draft("Domestic", "CH", (1, null, 0m))));
    }

    [Fact]
    public void ACountryInTwoZonesIsRefusedNamingBoth() =>
        Assert.Equal([new Problem("Shipping.Error.CountryTwice", "DE", "Domestic", "Europe")],
            CheckAll(Draft("Domestic", "DE", (1, null, 5m)), Draft("Europe", "DE FR", (1, null, 12m))));

    [Fact]
    public void ZonesNeedKnownCountriesANameOfTheirOwnAndOneZoneForEveryOtherCountryAtMost()
    {
        Assert.Equal([new Problem("Shipping.Error.UnknownCountry", "XX", "Europe")], CheckAll(Draft("Europe", "DE XX", (1, null, 12m))));
        Assert.Equal([new Problem("Shipping.Error.SameName", "europe")], CheckAll(Draft("Europe", "DE", (1, null, 12m)), Draft("europe", "FR", (1, null, 12m))));
        Assert.Equal([new Problem("Shipping.Error.ZoneName", MaxZoneName)], CheckAll(Draft(" ", "DE", (1, null, 12m))));
        Assert.Equal([new Problem("Shipping.Error.NoCountries", "Europe")], CheckAll(new ZoneDraft("Europe", [], false, [])));
        Assert.Equal([new Problem("Shipping.Error.EverywhereElseTwice")], CheckAll(Draft("World", ""), Draft("Elsewhere", "")));
        Assert.Equal([new Problem("Shipping.Error.EverywhereElseLists", "World")], CheckAll(new ZoneDraft("World", ["US"], true, [])));
    }

    [Fact]
    public void ABandThatIsNoRangeIsRefusedWithoutFurtherNoise() =>
        Assert.Equal([new Problem("Shipping.Error.BadRange", "Europe")], CheckAll(Draft("Europe", "DE", (1, 100, 12m), (300, 200, 22m), (0, 5, 1m))));

    [Theory]
    [InlineData("CH", null, null)]
    [InlineData("DE", null, null)]
    [InlineData("DE", "DE123456789", null)]
    [InlineData("FR", null, null)]
    [InlineData("FR", "FR40303265045", null)]
    [InlineData("US", null, null)]
    [InlineData("CH", null, "FR")]
    [InlineData("FR", null, "DE")]
    [InlineData("DE", null, "AT")]
    [InlineData("FR", "FR40303265045", "NL")]
    public void TheShippedRegimesTaxShippingAsThePrintedCopies(string country, string? vatNumber, string? shipTo)
    {
        // The page of tax rules lists shipping apart; charged, it follows the printed copies' decision, so the two must agree.
        foreach (var regime in new[] { TaxRegime.Load("CH", null), TaxRegime.Load("DE", null) })
        {
            var on = new DateOnly(2026, 12, 6);
            Assert.Equal(regime.Decide(country, vatNumber, TaxKind.Printed, on, shipTo), regime.Decide(country, vatNumber, TaxKind.Shipping, on, shipTo));
        }
    }
}
