using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Content.Events;

/// <summary>/events/past: the archive, latest first.</summary>
[OutputCache(PolicyName = ContentCachePolicy.Name)]
public class PastModel(NormativeDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Event> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Events = await EventQueries.Past(db, clock.GetUtcNow()).AsNoTracking().Take(200).ToListAsync(ct);
}
