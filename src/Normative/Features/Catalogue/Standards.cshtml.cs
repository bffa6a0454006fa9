using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Catalogue;

/// <summary>/standards: the catalogue's front door — search, browse by field, committee and sector, top standards, latest publications.</summary>
[OutputCache(PolicyName = CatalogueCachePolicy.Name)]
public sealed class StandardsModel(NormativeDb db) : PageModel
{
    public const int LatestCount = 10;

    public List<(IcsCode Field, int Published)> Fields { get; private set; } = [];
    public List<Deliverable> Latest { get; private set; } = [];
    public int Published { get; private set; }
    public int UnderDevelopment { get; private set; }
    public int Committees { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CatalogueHttpCache.IsNotModified(HttpContext))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }
        var counts = await CatalogueCounts.ByIcsAsync(db, null, ct);
        var fields = await db.IcsCodes.AsNoTracking().Where(i => i.Parent == null).OrderBy(i => i.Code).ToListAsync(ct);
        Fields = fields.Select(f => (f, counts.GetValueOrDefault(f.Code)?.Published ?? 0)).ToList();
        Latest = await db.Deliverables.AsNoTracking()
            .Where(d => d.Status == DeliverableStatus.Published && d.PublicationDate != null)
            .OrderByDescending(d => d.PublicationDate).ThenByDescending(d => d.Id)
            .Take(LatestCount).ToListAsync(ct);
        var byStatus = await db.Deliverables.Where(d => d.SupplementOf == null)
            .GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Published = byStatus.FirstOrDefault(s => s.Key == DeliverableStatus.Published)?.Count ?? 0;
        UnderDevelopment = byStatus.FirstOrDefault(s => s.Key == DeliverableStatus.UnderDevelopment)?.Count ?? 0;
        Committees = await db.Committees.CountAsync(c => c.ParentId == null, ct);
        return Page();
    }
}
