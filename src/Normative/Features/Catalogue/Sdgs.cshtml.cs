using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.Sdgs;

namespace Normative.Features.Catalogue;

/// <summary>/sdgs: the 17 Sustainable Development Goals, each with how many published standards serve it.</summary>
[OutputCache(PolicyName = CatalogueCachePolicy.Name)]
public sealed class SdgsModel(NormativeDb db) : PageModel
{
    public List<(Sdg Goal, int Published)> Goals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CatalogueHttpCache.IsNotModified(HttpContext))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }
        var counts = (await db.Database.SqlQuery<GoalCount>($"""
            SELECT g AS "Goal", count(*)::int AS "Published"
            FROM deliverables, unnest(sdgs) AS g WHERE status = 'Published' AND supplement_of IS NULL GROUP BY g
            """).ToListAsync(ct)).ToDictionary(c => c.Goal, c => c.Published);
        Goals = Sdg.All.Select(g => (g, counts.GetValueOrDefault(g.Number))).ToList();
        return Page();
    }

    public sealed record GoalCount(int Goal, int Published);
}
