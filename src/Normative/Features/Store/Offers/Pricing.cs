using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;

namespace Normative.Features.Store.Offers;

/// <summary>
/// Offers and their prices: for each language of a published deliverable, a PDF, a printed copy and,
/// where its text is loaded, reading online,
/// priced by the band its page count falls in unless an Editor set a price for the deliverable.
/// </summary>
public static class Pricing
{
    // Compiled once: every standard page asks for the offers of its deliverable, so EF's per-call
    // work (reading the expression tree, looking its plan up) would be paid on each page.
    private static readonly Func<NormativeDb, IAsyncEnumerable<PriceBand>> Bands =
        EF.CompileAsyncQuery<NormativeDb, PriceBand>((NormativeDb db) => db.PriceBands.AsNoTracking().OrderBy(b => b.MinPages));

    private static readonly Func<NormativeDb, int[], IAsyncEnumerable<PriceOverride>> Overrides =
        EF.CompileAsyncQuery((NormativeDb db, int[] ids) => db.PriceOverrides.AsNoTracking().Where(o => ids.Contains(o.DeliverableId)));

    private static readonly Func<NormativeDb, IAsyncEnumerable<DeliveryTime>> Days =
        EF.CompileAsyncQuery((NormativeDb db) => db.DeliveryTimes.AsNoTracking());

    /// <summary>Which languages have their file and which a text to read online, in one statement.</summary>
    private static readonly Func<NormativeDb, int[], IAsyncEnumerable<StockRow>> Stocked =
        EF.CompileAsyncQuery((NormativeDb db, int[] ids) =>
            db.SourceFiles.Where(f => ids.Contains(f.DeliverableId)).Select(f => new StockRow { DeliverableId = f.DeliverableId, Language = f.Language, Online = false })
                .Concat(db.StandardTexts.Where(t => ids.Contains(t.DeliverableId)).Select(t => new StockRow { DeliverableId = t.DeliverableId, Language = t.Language, Online = true })));

    private sealed class StockRow
    {
        public int DeliverableId { get; init; }
        public required string Language { get; init; }
        public bool Online { get; init; }
    }

    /// <summary>
    /// Everything the offers of these deliverables depend on, in four compiled queries however many
    /// there are: the bands, the Editors' prices for them, which of them have their
    /// files (keys only, never the files) or a text to read online, and the promised delivery times.
    /// </summary>
    public static async Task<PriceList> LoadAsync(NormativeDb db, IReadOnlyCollection<int> deliverableIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deliverableIds);
        var ids = deliverableIds.ToArray();
        var bands = await Bands(db).ToListAsync(ct);
        var overrides = await Overrides(db, ids).ToListAsync(ct);
        var stocked = await Stocked(db, ids).ToListAsync(ct);
        var days = await Days(db).ToDictionaryAsync(t => t.Format, t => t.WorkingDays, cancellationToken: ct);
        return new PriceList(bands, overrides, new Stock(
            stocked.Where(s => !s.Online).Select(s => (s.DeliverableId, s.Language)).ToHashSet(), days,
            stocked.Where(s => s.Online).Select(s => (s.DeliverableId, s.Language)).ToHashSet()));
    }

    /// <summary>Published (60.60 and the 90.xx reviews) or withdrawn (95.99, still sold, marked so); drafts are not.</summary>
    public static bool IsForSale(Deliverable d) =>
        HarmonizedStages.StatusOf(d.CurrentStage) is DeliverableStatus.Published or DeliverableStatus.Withdrawn;

    public static bool IsWithdrawn(Deliverable d) => HarmonizedStages.StatusOf(d.CurrentStage) == DeliverableStatus.Withdrawn;

    /// <summary>The page count of the language's edition; unknown counts as one page (the lowest band).</summary>
    public static int PagesFor(Deliverable d, string language) =>
        (language == "fr" ? d.PagesFr ?? d.PagesEn : d.PagesEn ?? d.PagesFr) ?? 1;

    public static decimal? PriceFor(IReadOnlyCollection<PriceBand> bands, IReadOnlyCollection<PriceOverride> overrides, int deliverableId, ProductFormat format, int pages)
    {
        var set = overrides.FirstOrDefault(o => o.DeliverableId == deliverableId && o.Format == format)
            // Reading online follows the PDF's price, the Editor's one included, unless set apart.
            ?? (format == ProductFormat.Online ? overrides.FirstOrDefault(o => o.DeliverableId == deliverableId && o.Format == ProductFormat.Pdf) : null);
        if (set is not null)
        {
            return set.Price;
        }
        return bands.OrderBy(b => b.MinPages).FirstOrDefault(b => b.Contains(pages))?.PriceOf(format);
    }

    /// <summary>
    /// The formats and languages of <paramref name="d"/> that can be sold: priced, and either with
    /// their file or with a delivery time the Editors promise. Never an instant download without a file.
    /// </summary>
    public static IReadOnlyList<Offer> OffersFor(Deliverable d, IReadOnlyCollection<PriceBand> bands, IReadOnlyCollection<PriceOverride> overrides, Stock stock)
    {
        if (!IsForSale(d))
        {
            return [];
        }
        var offers = new List<Offer>();
        foreach (var format in new[] { ProductFormat.Pdf, ProductFormat.Paper, ProductFormat.Online })
        {
            foreach (var language in Languages(d))
            {
                var pages = PagesFor(d, language);
                if (PriceFor(bands, overrides, d.Id, format, pages) is { } price && stock.DeliveryDays(d.Id, format, language) is { } days)
                {
                    offers.Add(new Offer(d.Id, format, language, price, pages, days));
                }
            }
        }
        return offers;
    }

    public static Offer? Find(Deliverable d, IReadOnlyCollection<PriceBand> bands, IReadOnlyCollection<PriceOverride> overrides, Stock stock, ProductFormat format, string language) =>
        OffersFor(d, bands, overrides, stock).FirstOrDefault(o => o.Format == format && o.Language == language);

    /// <summary>The deliverable's languages, or English when the catalogue lists none.</summary>
    public static IReadOnlyList<string> Languages(Deliverable d) =>
        d.Languages.Count == 0 ? ["en"] : d.Languages.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length is >= 2 and <= 8).Distinct().ToList();

    /// <summary>Problems with a set of bands: each a resource key. The bands must start at page 1, not overlap and leave no gap.</summary>
    public static IReadOnlyList<string> CheckBands(IReadOnlyList<PriceBand> bands)
    {
        var problems = new List<string>();
        if (bands.Count == 0)
        {
            return ["Prices.Bands.None"];
        }
        foreach (var b in bands)
        {
            if (b.MinPages < 1 || (b.MaxPages is { } max && max < b.MinPages))
            {
                problems.Add("Prices.Bands.BadRange");
            }
            if (b.PdfPrice <= 0 || b.PaperPrice <= 0 || b.PdfPrice > MaxPrice || b.PaperPrice > MaxPrice)
            {
                problems.Add("Prices.BadPrice");
            }
        }
        var ordered = bands.OrderBy(b => b.MinPages).ToList();
        if (ordered[0].MinPages != 1)
        {
            problems.Add("Prices.Bands.Gap");
        }
        for (var i = 1; i < ordered.Count; i++)
        {
            var previous = ordered[i - 1].MaxPages;
            if (previous is null || previous.Value >= ordered[i].MinPages)
            {
                problems.Add("Prices.Bands.Overlap");
            }
            else if (previous.Value + 1 != ordered[i].MinPages)
            {
                problems.Add("Prices.Bands.Gap");
            }
        }
        if (ordered[^1].MaxPages is not null)
        {
            problems.Add("Prices.Bands.NoLast");
        }
        return problems.Distinct().ToList();
    }

    public const decimal MaxPrice = 99_999m;
}
