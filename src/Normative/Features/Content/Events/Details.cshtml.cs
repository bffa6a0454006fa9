using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Content.Events;

/// <summary>One event; a past one says it is over.</summary>
[OutputCache(PolicyName = ContentCachePolicy.Name)]
public class DetailsModel(NormativeDb db, TimeProvider clock) : PageModel
{
    public Event Event { get; private set; } = null!;
    public bool IsPast { get; private set; }
    public string Html { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var found = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug, ct);
        if (found is null)
        {
            return NotFound();
        }
        Event = found;
        IsPast = EventRules.IsPast(found.EndsAt, clock.GetUtcNow());
        Html = SafeMarkdown.ToHtml(found.Description);
        return Page();
    }
}
