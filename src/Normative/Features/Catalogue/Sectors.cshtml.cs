using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Catalogue;

/// <summary>/sectors: the home page's sectors, each with the ICS fields and committees that make it up.</summary>
[OutputCache(PolicyName = CatalogueCachePolicy.Name)]
public sealed class SectorsModel(NormativeDb db) : PageModel
{
    public List<(Sector Sector, SectorMapping Mapping, int Published)> Sectors { get; private set; } = [];
    public Dictionary<string, IcsCode> IcsTitles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CatalogueHttpCache.IsNotModified(HttpContext))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }
        var mappings = await db.SectorMappings.AsNoTracking().ToDictionaryAsync(m => m.Slug, ct);
        var counts = await SectorQueries.PublishedCountsAsync(db, ct);
        foreach (var sector in Sector.All)
        {
            var mapping = mappings.GetValueOrDefault(sector.Slug) ?? new SectorMapping { Slug = sector.Slug };
            Sectors.Add((sector, mapping, counts.GetValueOrDefault(sector.Slug)));
        }
        var codes = mappings.Values.SelectMany(m => m.IcsCodes).Distinct().ToList();
        IcsTitles = (await db.IcsCodes.AsNoTracking().Where(i => codes.Contains(i.Code)).ToListAsync(ct)).ToDictionary(i => i.Code);
        return Page();
    }
}
