using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Shared;
using Normative.Features.Store.Offers;

namespace Normative.Features.Store.Admin;

/// <summary>Editors keep the page-count price bands and set prices for single deliverables.</summary>
public class PricesModel(NormativeDb db, CatalogueVersion version, TimeProvider clock, IStringLocalizer<StoreText> s) : PageModel
{
    public sealed class BandInput
    {
        public string? MinPages { get; set; }
        public string? MaxPages { get; set; }
        public string? PdfPrice { get; set; }
        public string? PaperPrice { get; set; }
        public bool Delete { get; set; }
    }

    /// <summary>The form that sets a price for one deliverable and format.</summary>
    public sealed class OverrideInput
    {
        public string? Reference { get; set; }
        public string? Format { get; set; }
        public string? Price { get; set; }
    }

    public sealed record OverrideRow(PriceOverride Override, Deliverable Deliverable);

    /// <summary>The band editor: every band as typed, a blank row for a new one.</summary>
    [BindProperty]
    public List<BandInput> Bands { get; set; } = [];

    public List<OverrideRow> Overrides { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync(withBands: true);

    public async Task<IActionResult> OnPostBandsAsync()
    {
        var bands = new List<PriceBand>();
        foreach (var input in Bands.Where(b => !b.Delete && !(IsBlank(b.MinPages) && IsBlank(b.MaxPages) && IsBlank(b.PdfPrice) && IsBlank(b.PaperPrice))))
        {
            if (!int.TryParse(input.MinPages, NumberStyles.None, CultureInfo.InvariantCulture, out var min)
                || (!IsBlank(input.MaxPages) && !int.TryParse(input.MaxPages, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                || ParsePrice(input.PdfPrice) is not { } pdf || ParsePrice(input.PaperPrice) is not { } paper)
            {
                ModelState.AddModelError(string.Empty, s["Prices.Bands.Unreadable"]);
                break;
            }
            bands.Add(new PriceBand { MinPages = min, MaxPages = IsBlank(input.MaxPages) ? null : int.Parse(input.MaxPages!, CultureInfo.InvariantCulture), PdfPrice = pdf, PaperPrice = paper });
        }
        if (ModelState.IsValid)
        {
            foreach (var problem in Pricing.CheckBands(bands))
            {
                ModelState.AddModelError(string.Empty, s[problem]);
            }
        }
        if (!ModelState.IsValid)
        {
            // The bands as typed stay in the form, to be corrected.
            await LoadAsync(withBands: false);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.PriceBands.ExecuteDeleteAsync();
        db.PriceBands.AddRange(bands);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        await version.RefreshAsync(); // the offers and prices visitors see change: this instance at once, others within a version poll
        TempData.SetNotice(s["Prices.Saved"]);
        return Redirect(StoreLinks.AdminPrices());
    }

    public async Task<IActionResult> OnPostOverrideAsync(OverrideInput input)
    {
        var deliverable = await FindAsync(input.Reference);
        var value = ParsePrice(input.Price);
        if (deliverable is null)
        {
            ModelState.AddModelError(string.Empty, s["Prices.Override.Unknown", input.Reference ?? ""]);
        }
        if (!Enum.TryParse<ProductFormat>(input.Format, ignoreCase: true, out var format) || !Enum.IsDefined(format) || format == ProductFormat.Subscription)
        {
            ModelState.AddModelError(string.Empty, s["Prices.Override.Format"]);
        }
        if (value is null || value <= 0 || value > Pricing.MaxPrice)
        {
            ModelState.AddModelError(string.Empty, s["Prices.BadPrice"]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(withBands: true);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        var existing = await db.PriceOverrides.SingleOrDefaultAsync(o => o.DeliverableId == deliverable!.Id && o.Format == format);
        if (existing is null)
        {
            existing = new PriceOverride { DeliverableId = deliverable!.Id, Format = format };
            db.PriceOverrides.Add(existing);
        }
        existing.Price = value!.Value;
        existing.UpdatedAt = clock.GetUtcNow();
        existing.UpdatedBy = User.Identity?.Name;
        await db.SaveChangesAsync();
        await version.RefreshAsync(); // the offers and prices visitors see change: this instance at once, others within a version poll
        TempData.SetNotice(s["Prices.Saved"]);
        return Redirect(StoreLinks.AdminPriceOverrides());
    }

    public async Task<IActionResult> OnPostRemoveOverrideAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(withBands: true);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        await db.PriceOverrides.Where(o => o.Id == id).ExecuteDeleteAsync();
        await version.RefreshAsync(); // the offers and prices visitors see change: this instance at once, others within a version poll
        TempData.SetNotice(s["Prices.Saved"]);
        return Redirect(StoreLinks.AdminPriceOverrides());
    }

    /// <summary>Prices typed with a point or a comma ("42.50", "42,50"), at most two decimals.</summary>
    public static decimal? ParsePrice(string? text)
    {
        if (IsBlank(text))
        {
            return null;
        }
        var normalized = text!.Trim().Replace(',', '.').Replace("'", "", StringComparison.Ordinal);
        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value == decimal.Round(value, 2)
            ? value
            : null;
    }

    private static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    private async Task<Deliverable?> FindAsync(string? reference)
    {
        if (IsBlank(reference))
        {
            return null;
        }
        var typed = reference!.Trim();
        var canonical = PublicationIdentifier.TryParse(typed, out var id, out _) ? id.ToString() : typed;
        return await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(d => d.Reference == canonical);
    }

    private async Task LoadAsync(bool withBands)
    {
        if (withBands)
        {
            Bands = (await db.PriceBands.AsNoTracking().OrderBy(b => b.MinPages).ToListAsync())
                .Select(b => new BandInput
                {
                    MinPages = b.MinPages.ToString(CultureInfo.InvariantCulture),
                    MaxPages = b.MaxPages?.ToString(CultureInfo.InvariantCulture),
                    PdfPrice = b.PdfPrice.ToString("0.00", CultureInfo.InvariantCulture),
                    PaperPrice = b.PaperPrice.ToString("0.00", CultureInfo.InvariantCulture),
                })
                .ToList();
        }
        Overrides = await (from o in db.PriceOverrides.AsNoTracking()
                           join d in db.Deliverables.AsNoTracking() on o.DeliverableId equals d.Id
                           orderby d.Reference, o.Format
                           select new OverrideRow(o, d)).ToListAsync();
    }
}
