using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Store.Shipping;

/// <summary>The shipping zones and rates: read for a charge or the Editors' page, and saved as a whole.</summary>
public static class ShippingRates
{
    /// <summary>Every zone with its countries and bands: listed zones by name, then the zone for every other country.</summary>
    public static async Task<List<ShippingZone>> LoadAsync(NormativeDb db, CancellationToken ct)
    {
        var zones = await db.ShippingZones.AsNoTracking().Include(z => z.Countries).Include(z => z.Rates).AsSplitQuery().ToListAsync(ct);
        foreach (var zone in zones)
        {
            zone.Countries = zone.Countries.OrderBy(c => c.Country, StringComparer.Ordinal).ToList();
            zone.Rates = zone.Rates.OrderBy(r => r.MinPages).ToList();
        }
        return zones.OrderBy(z => z.EverywhereElse).ThenBy(z => z.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>The charge for <paramref name="pages"/> printed pages shipped to <paramref name="country"/>, computed here from the rates; null when the store does not ship there.</summary>
    public static async Task<ShippingRules.Quote?> QuoteAsync(NormativeDb db, string country, int pages, CancellationToken ct)
    {
        var code = country.Trim().ToUpperInvariant();
        // Only the zone listing the country and the zone for every other country can apply.
        var zones = await db.ShippingZones.AsNoTracking()
            .Where(z => z.EverywhereElse || z.Countries.Any(c => c.Country == code))
            .Include(z => z.Countries.Where(c => c.Country == code))
            .Include(z => z.Rates)
            .AsSplitQuery()
            .ToListAsync(ct);
        return ShippingRules.QuoteFor(zones, code, pages);
    }

    /// <summary>Replaces every zone and rate with <paramref name="zones"/> (already checked by <see cref="ShippingRules.Check"/>), in one transaction.</summary>
    public static async Task SaveAsync(NormativeDb db, IReadOnlyList<ShippingRules.ZoneDraft> zones, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Two Editors saving at once take turns, so the second replaces the first's zones instead of colliding with them.
        await StoreSql.LockShippingZonesAsync(db, ct);
        await db.ShippingZones.ExecuteDeleteAsync(ct);
        db.ShippingZones.AddRange(zones.Select(z => new ShippingZone
        {
            Name = z.Name!.Trim(),
            EverywhereElse = z.EverywhereElse,
            Countries = z.Countries.Select(c => new ShippingZoneCountry { Country = c }).ToList(),
            Rates = z.Rates.Select(r => new ShippingRate { MinPages = r.MinPages, MaxPages = r.MaxPages, Price = r.Price }).ToList(),
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
