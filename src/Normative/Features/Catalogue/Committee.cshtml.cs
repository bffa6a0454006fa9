using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Catalogue;

/// <summary>/committee/{id}: a committee's scope, its subcommittees, its published standards and its projects under development.</summary>
[OutputCache(PolicyName = CatalogueCachePolicy.Name)]
public sealed class CommitteeModel(NormativeDb db) : PageModel
{
    public const int PageSize = 50;
    public const int MaxProjects = 200;

    public Committee Committee { get; private set; } = null!;
    public Committee? Parent { get; private set; }
    public List<Committee> Subcommittees { get; private set; } = [];
    public List<Deliverable> Published { get; private set; } = [];
    public int PublishedTotal { get; private set; }
    public List<Deliverable> Projects { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(int id, int? page, CancellationToken ct)
    {
        if (CatalogueHttpCache.IsNotModified(HttpContext))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return NotFound();
        }
        Committee = committee;
        Parent = committee.ParentId is { } parentId ? await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId, ct) : null;
        Subcommittees = (await db.Committees.AsNoTracking().Where(c => c.ParentId == id).ToListAsync(ct))
            .OrderBy(c => CatalogueCounts.NaturalKey(c.Reference), StringComparer.Ordinal).ToList();
        var reference = committee.Reference;
        var owned = SectorQueries.OwnedBy(db.Deliverables.AsNoTracking(), reference);
        var published = owned.Where(d => d.Status == DeliverableStatus.Published && d.SupplementOf == null);
        PublishedTotal = await published.CountAsync(ct);
        PageNumber = Math.Clamp(page ?? 1, 1, Math.Max(1, (PublishedTotal + PageSize - 1) / PageSize));
        Published = await published.OrderBy(d => d.SortKey).ThenBy(d => d.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Projects = await owned.Where(d => d.Status == DeliverableStatus.UnderDevelopment)
            .OrderByDescending(d => d.CurrentStage).ThenBy(d => d.SortKey).Take(MaxProjects).ToListAsync(ct);
        return Page();
    }
}
