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
    /// <summary>
    /// Everything the offers of these deliverables depend on, in six queries however many there
    /// are: the bands, the Editors' prices for them, the tax rules, which of them have their files
    /// (keys only, never the files), the promised delivery times and which have a text to read online.
    /// </summary>
    public static async Task<PriceList> LoadAsync(NormativeDb db, IReadOnlyCollection<int> deliverableIds, CancellationToken ct)
    {
        var bands = await db.PriceBands.AsNoTracking().OrderBy(b => b.MinPages).ToListAsync(ct);
        var overrides = await db.PriceOverrides.AsNoTracking().Where(o => deliverableIds.Contains(o.DeliverableId)).ToListAsync(ct);
        var rules = await db.TaxRules.AsNoTracking().ToListAsync(ct);
        var filed = await db.SourceFiles.Where(f => deliverableIds.Contains(f.DeliverableId))
            .Select(f => new { f.DeliverableId, f.Language }).ToListAsync(ct);
        var days = await db.DeliveryTimes.AsNoTracking().ToDictionaryAsync(t => t.Format, t => t.WorkingDays, ct);
        var texts = await db.StandardTexts.Where(t => deliverableIds.Contains(t.DeliverableId))
            .Select(t => new { t.DeliverableId, t.Language }).Distinct().ToListAsync(ct);
        return new PriceList(bands, overrides, rules, new Stock(
            filed.Select(f => (f.DeliverableId, f.Language)).ToHashSet(), days, texts.Select(t => (t.DeliverableId, t.Language)).ToHashSet()));
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
