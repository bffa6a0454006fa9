using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Catalogue;

/// <summary>/sectors/{slug}: one sector's fields, committees and published standards.</summary>
[OutputCache(PolicyName = CatalogueCachePolicy.Name)]
public sealed class SectorModel(NormativeDb db) : PageModel
{
    public const int PageSize = 50;

    public Sector Sector { get; private set; } = null!;
    public SectorMapping Mapping { get; private set; } = null!;
    public List<IcsCode> Ics { get; private set; } = [];
    public List<Committee> Committees { get; private set; } = [];
    public List<Deliverable> Standards { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(string slug, int? page, CancellationToken ct)
    {
        var sector = Sector.All.FirstOrDefault(s => s.Slug == slug);
        if (sector is null)
        {
            return NotFound();
        }
        if (CatalogueHttpCache.IsNotModified(HttpContext))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }
        Sector = sector;
        Mapping = await db.SectorMappings.AsNoTracking().FirstOrDefaultAsync(m => m.Slug == slug, ct) ?? new SectorMapping { Slug = slug };
        // Its standards are those under its ICS codes and of its committees (and their subcommittees).
        CatalogueCacheTags.Show(HttpContext, Mapping.IcsCodes.Select(CatalogueCacheTags.Ics).Concat(Mapping.Committees.Select(CatalogueCacheTags.Committee)));
        Ics = await db.IcsCodes.AsNoTracking().Where(i => Mapping.IcsCodes.Contains(i.Code)).OrderBy(i => i.Code).ToListAsync(ct);
        Committees = (await db.Committees.AsNoTracking().Where(c => Mapping.Committees.Contains(c.Reference)).ToListAsync(ct))
            .OrderBy(c => CatalogueCounts.NaturalKey(c.Reference), StringComparer.Ordinal).ToList();
        var standards = SectorQueries.PublishedIn(db, Mapping);
        Total = await standards.CountAsync(ct);
        PageNumber = Math.Clamp(page ?? 1, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Standards = await standards.OrderByDescending(d => d.PublicationDate).ThenBy(d => d.SortKey).ThenBy(d => d.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Page();
    }
}
