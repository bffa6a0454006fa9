using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Content.Events.Editor;

/// <summary>Editors: every event, latest start first.</summary>
public class IndexModel(NormativeDb db) : PageModel
{
    public IReadOnlyList<Event> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Events = await db.Events.AsNoTracking().OrderByDescending(e => e.StartsAt).Take(300).ToListAsync(ct);
}
