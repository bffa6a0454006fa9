using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Catalogue;

/// <summary>
/// /committees/{slug}: a committee's home, its overview tab: scope, secretariat, members, officers
/// (from the features that keep them, in <see cref="CatalogueSlots.CommitteeOverview"/>), its
/// subcommittees and working groups.
/// </summary>
[OutputCache(PolicyName = CatalogueCachePolicy.Name)]
public sealed class CommitteeModel(NormativeDb db) : PageModel
{
    public const string Tab = "overview";

    public CommitteeTop Top { get; private set; } = null!;
    public Committee Committee => Top.Committee;
    public List<Committee> Subcommittees { get; private set; } = [];
    public int PublishedTotal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
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
        var id = top.Committee.Id;
        Subcommittees = (await db.Committees.AsNoTracking().Where(c => c.ParentId == id).ToListAsync(ct))
            .OrderBy(c => CatalogueCounts.NaturalKey(c.Reference), StringComparer.Ordinal).ToList();
        PublishedTotal = await SectorQueries.OwnedBy(db.Deliverables.AsNoTracking(), top.Committee.Reference)
            .CountAsync(d => d.Status == DeliverableStatus.Published && d.SupplementOf == null, ct);
        return Page();
    }
}
