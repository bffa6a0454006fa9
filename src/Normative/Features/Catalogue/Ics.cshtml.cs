using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.OpenData;

namespace Normative.Features.Catalogue;

/// <summary>/ics and /ics/{code}: the International Classification for Standards as a tree, with counts and the standards in each group.</summary>
[OutputCache(PolicyName = CatalogueCachePolicy.Name)]
public sealed class IcsModel(NormativeDb db) : PageModel
{
    public const int PageSize = 50;

    public IcsCode? Code { get; private set; }
    public List<IcsCode> Ancestors { get; private set; } = [];
    public List<(IcsCode Code, CatalogueCounts.Count Count)> Children { get; private set; } = [];
    public List<Deliverable> Standards { get; private set; } = [];
    public int StandardsTotal { get; private set; }
    public int UnderDevelopment { get; private set; }
    public int PageNumber { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(string? code, int? page, CancellationToken ct)
    {
        if (code is not null && !IcsRecord.IsCode(code))
        {
            return NotFound();
        }
        if (CatalogueHttpCache.IsNotModified(HttpContext))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }
        if (code is not null)
        {
            Code = await db.IcsCodes.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
            if (Code is null)
            {
                return NotFound();
            }
            var ancestors = new List<string>();
            for (var p = IcsRecord.ParentOf(code); p is not null; p = IcsRecord.ParentOf(p))
            {
                ancestors.Insert(0, p);
            }
            CatalogueCacheTags.Show(HttpContext, [CatalogueCacheTags.Ics(code)]);
            Ancestors = await db.IcsCodes.AsNoTracking().Where(i => ancestors.Contains(i.Code)).OrderBy(i => i.Code).ToListAsync(ct);
        }
        var counts = await CatalogueCounts.ByIcsAsync(db, code, ct);
        var children = await db.IcsCodes.AsNoTracking().Where(i => i.Parent == code).OrderBy(i => i.Code).ToListAsync(ct);
        Children = children.Select(c => (c, counts.GetValueOrDefault(c.Code) ?? new CatalogueCounts.Count(c.Code, 0, 0))).ToList();
        if (code is { Length: > 2 })
        {
            var own = counts.GetValueOrDefault(code);
            StandardsTotal = own?.Published ?? 0;
            UnderDevelopment = own?.UnderDevelopment ?? 0;
            PageNumber = Math.Clamp(page ?? 1, 1, Math.Max(1, (StandardsTotal + PageSize - 1) / PageSize));
            Standards = await SectorQueries.UnderIcs(db, code)
                .Where(d => d.Status == DeliverableStatus.Published && d.SupplementOf == null)
                .OrderBy(d => d.SortKey).ThenBy(d => d.Id)
                .Skip((PageNumber - 1) * PageSize).Take(PageSize)
                .ToListAsync(ct);
        }
        return Page();
    }
}
