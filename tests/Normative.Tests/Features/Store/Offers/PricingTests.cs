using Normative.Features.Catalogue;
using Normative.Features.Store;
using Normative.Features.Store.Offers;

namespace Normative.Tests.Features.Store.Offers;

public class PricingTests
{
    private static readonly PriceBand[] Bands =
    [
        new() { MinPages = 1, MaxPages = 4, PdfPrice = 42m, PaperPrice = 44m },
        new() { MinPages = 5, MaxPages = 9, PdfPrice = 63m, PaperPrice = 65m },
        new() { MinPages = 10, MaxPages = null, PdfPrice = 88m, PaperPrice = 90m },
    ];

    private static Deliverable Standard(int? pagesEn = 5, int? pagesFr = null, int stage = 6060, List<string>? languages = null) => new()
    {
        Id = 1, DeliverableType = "IS", Reference = "ISO 1:2024", TitleEn = "T", CurrentStage = stage,
        PagesEn = pagesEn, PagesFr = pagesFr, Languages = languages ?? ["en", "fr"],
    };

    [Theory]
    [InlineData(1, 42)]
    [InlineData(4, 42)]
    [InlineData(5, 63)]
    [InlineData(9, 63)]
    [InlineData(10, 88)]
    [InlineData(2104, 88)]
    public void PriceComesFromThePageBand(int pages, int price) =>
        Assert.Equal(price, Pricing.PriceFor(Bands, [], 1, ProductFormat.Pdf, pages));

    [Fact]
    public void PaperHasItsOwnPriceInTheBand() =>
        Assert.Equal(65m, Pricing.PriceFor(Bands, [], 1, ProductFormat.Paper, 7));

    [Fact]
    public void AnEditorsPriceForTheDeliverableWinsOverTheBand()
    {
        PriceOverride[] overrides = [new() { DeliverableId = 1, Format = ProductFormat.Pdf, Price = 19.90m }];
        Assert.Equal(19.90m, Pricing.PriceFor(Bands, overrides, 1, ProductFormat.Pdf, 7));
        Assert.Equal(65m, Pricing.PriceFor(Bands, overrides, 1, ProductFormat.Paper, 7));
        Assert.Equal(63m, Pricing.PriceFor(Bands, overrides, 2, ProductFormat.Pdf, 7));
    }

    [Fact]
    public void EveryLanguageComesInPdfAndPaper()
    {
        var offers = Pricing.OffersFor(Standard(languages: ["en", "fr", "ru"]), Bands, [], Promised);
        Assert.Equal(6, offers.Count);
        Assert.Equal(["en", "fr", "ru"], offers.Where(o => o.Format == ProductFormat.Pdf).Select(o => o.Language));
    }

    [Fact]
    public void TheFrenchEditionIsPricedByItsOwnPageCount()
    {
        var offers = Pricing.OffersFor(Standard(pagesEn: 4, pagesFr: 5), Bands, [], Promised);
        Assert.Equal(42m, offers.Single(o => o.Format == ProductFormat.Pdf && o.Language == "en").Price);
        Assert.Equal(63m, offers.Single(o => o.Format == ProductFormat.Pdf && o.Language == "fr").Price);
    }

    [Fact]
    public void UnknownPageCountTakesTheLowestBand() =>
        Assert.Equal(42m, Pricing.OffersFor(Standard(pagesEn: null), Bands, [], Promised)[0].Price);

    [Fact]
    public void WithdrawnStandardsAreStillOnSaleAndDraftsAreNot()
    {
        Assert.NotEmpty(Pricing.OffersFor(Standard(stage: 9599), Bands, [], Promised));
        Assert.True(Pricing.IsWithdrawn(Standard(stage: 9599)));
        Assert.NotEmpty(Pricing.OffersFor(Standard(stage: 9093), Bands, [], Promised));
        Assert.Empty(Pricing.OffersFor(Standard(stage: 4060), Bands, [], Promised));
        Assert.Empty(Pricing.OffersFor(Standard(stage: 6000), Bands, [], Promised));
    }

    [Fact]
    public void AStandardWithoutLanguagesIsSoldInEnglish() =>
        Assert.All(Pricing.OffersFor(Standard(languages: []), Bands, [], Promised), o => Assert.Equal("en", o.Language));

    /// <summary>No file uploaded, and the Editors promise both formats (the defaults).</summary>
    private static readonly Stock Promised = new(new HashSet<(int, string)>(), new Dictionary<ProductFormat, int> { [ProductFormat.Pdf] = 3, [ProductFormat.Paper] = 10 });

    [Fact]
    public void AFormatWithItsFileIsDeliveredAtOnceAndWithoutItOnlyWithTheEditorsPromise()
    {
        var d = Standard(languages: ["en", "fr"]);
        var pdfOnly = new Stock(new HashSet<(int, string)> { (d.Id, "en") }, new Dictionary<ProductFormat, int> { [ProductFormat.Paper] = 10 });
        var offers = Pricing.OffersFor(d, Bands, [], pdfOnly);

        // English has its file: PDF at once, paper too. French has none: no PDF (nothing promised), paper within 10 days.
        Assert.Equal(
            ["Pdf en 0", "Paper en 0", "Paper fr 10"],
            offers.Select(o => $"{o.Format} {o.Language} {o.DeliveryDays}"));
        Assert.Null(Pricing.Find(d, Bands, [], pdfOnly, ProductFormat.Pdf, "fr"));
        Assert.Empty(Pricing.OffersFor(d, Bands, [], Stock.Empty));
    }

    [Fact]
    public void ReadingOnlineIsSoldOnlyWhereItsTextIsLoadedAtThePdfsPriceUnlessSetApart()
    {
        var d = Standard(languages: ["en", "fr"]);
        var english = Promised with { Texts = new HashSet<(int, string)> { (d.Id, "en") } };
        var online = Pricing.OffersFor(d, Bands, [], english).Where(o => o.Format == ProductFormat.Online).ToList();
        var offer = Assert.Single(online);
        Assert.Equal(("en", 0, Pricing.PriceFor(Bands, [], d.Id, ProductFormat.Pdf, offer.Pages!.Value)), (offer.Language, offer.DeliveryDays, (decimal?)offer.Price));
        Assert.DoesNotContain(Pricing.OffersFor(d, Bands, [], Promised), o => o.Format == ProductFormat.Online);

        PriceOverride[] pdfSet = [new() { DeliverableId = 1, Format = ProductFormat.Pdf, Price = 19.90m }];
        Assert.Equal(19.90m, Pricing.PriceFor(Bands, pdfSet, 1, ProductFormat.Online, 7));
        PriceOverride[] bothSet = [.. pdfSet, new() { DeliverableId = 1, Format = ProductFormat.Online, Price = 9.90m }];
        Assert.Equal(9.90m, Pricing.PriceFor(Bands, bothSet, 1, ProductFormat.Online, 7));
    }

    [Fact]
    public void ValidBandsHaveNoProblems() => Assert.Empty(Pricing.CheckBands(Bands));

    [Fact]
    public void BandsMustCoverEveryPageCountExactlyOnce()
    {
        Assert.Contains("Prices.Bands.Gap", Pricing.CheckBands([Band(2, null)]));
        Assert.Contains("Prices.Bands.Gap", Pricing.CheckBands([Band(1, 4), Band(6, null)]));
        Assert.Contains("Prices.Bands.Overlap", Pricing.CheckBands([Band(1, 5), Band(5, null)]));
        Assert.Contains("Prices.Bands.NoLast", Pricing.CheckBands([Band(1, 4), Band(5, 9)]));
        Assert.Contains("Prices.Bands.BadRange", Pricing.CheckBands([Band(1, 4), Band(5, 3), Band(4, null)]));
        Assert.Contains("Prices.Bands.None", Pricing.CheckBands([]));
        Assert.Contains("Prices.BadPrice", Pricing.CheckBands([new() { MinPages = 1, PdfPrice = 0m, PaperPrice = 1m }]));
        Assert.Contains("Prices.BadPrice", Pricing.CheckBands([new() { MinPages = 1, PdfPrice = 100_000m, PaperPrice = 1m }]));
    }

    private static PriceBand Band(int min, int? max) => new() { MinPages = min, MaxPages = max, PdfPrice = 10m, PaperPrice = 10m };
}
