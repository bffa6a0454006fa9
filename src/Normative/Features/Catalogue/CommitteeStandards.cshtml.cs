using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Catalogue;

/// <summary>/committees/{slug}/standards: the committee's published standards, a page at a time, and its projects under development.</summary>
[OutputCache(PolicyName = CatalogueCachePolicy.Name)]
public sealed class CommitteeStandardsModel(NormativeDb db) : PageModel
{
    public const string Tab = "standards";
    public const int PageSize = 50;
    public const int MaxProjects = 200;

    public CommitteeTop Top { get; private set; } = null!;
    public Committee Committee => Top.Committee;
    public List<Deliverable> Published { get; private set; } = [];
    public int PublishedTotal { get; private set; }
    public List<Deliverable> Projects { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(string slug, int? page, CancellationToken ct)
    {
        if (CatalogueHttpCache.IsNotModified(HttpContext))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }
        if (await CommitteeTop.LoadAsync(db, slug, Tab, ct) is not { } top)
        {
            return NotFound();
        }
        Top = top;
        CatalogueCacheTags.Show(HttpContext, [CatalogueCacheTags.Committee(top.Committee.Reference)]);
        var owned = SectorQueries.OwnedBy(db.Deliverables.AsNoTracking(), top.Committee.Reference);
        var published = owned.Where(d => d.Status == DeliverableStatus.Published && d.SupplementOf == null);
        PublishedTotal = await published.CountAsync(ct);
        PageNumber = Math.Clamp(page ?? 1, 1, Math.Max(1, (PublishedTotal + PageSize - 1) / PageSize));
        Published = await published.OrderBy(d => d.SortKey).ThenBy(d => d.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Projects = await owned.Where(d => d.Status == DeliverableStatus.UnderDevelopment)
            .OrderByDescending(d => d.CurrentStage).ThenBy(d => d.SortKey).Take(MaxProjects).ToListAsync(ct);
        return Page();
    }
}
