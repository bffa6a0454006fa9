using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Catalogue;

/// <summary>/committees: technical committees with their subcommittees and how many standards each has.</summary>
[OutputCache(PolicyName = CatalogueCachePolicy.Name)]
public sealed class CommitteesModel(NormativeDb db) : PageModel
{
    public List<Committee> Top { get; private set; } = [];
    public ILookup<int, Committee> Children { get; private set; } = Array.Empty<Committee>().ToLookup(c => 0);
    public Dictionary<string, CatalogueCounts.Count> Counts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CatalogueHttpCache.IsNotModified(HttpContext))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }
        var all = await db.Committees.AsNoTracking().ToListAsync(ct);
        var ordered = all.OrderBy(c => CatalogueCounts.NaturalKey(c.Reference), StringComparer.Ordinal).ToList();
        Top = ordered.Where(c => c.ParentId is null).ToList();
        Children = ordered.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        Counts = await CatalogueCounts.ByCommitteeAsync(db, ct);
        return Page();
    }
}
