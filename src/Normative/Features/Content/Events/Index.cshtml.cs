using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Content.Events;

/// <summary>/events: what is coming, soonest first; an event leaves for the archive once it has ended.</summary>
[OutputCache(PolicyName = ContentCachePolicy.Name)]
public class IndexModel(NormativeDb db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<Event> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Events = await EventQueries.Upcoming(db, clock.GetUtcNow()).AsNoTracking().Take(PageSize).ToListAsync(ct);
}
