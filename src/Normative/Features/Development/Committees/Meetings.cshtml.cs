using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Development.Meetings;

namespace Normative.Features.Development.Committees;

/// <summary>/committees/{slug}/meetings: a committee's coming and past meetings, its calendar feed, and for its manager the way to plan one.</summary>
public class MeetingsModel(NormativeDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(Meeting Meeting, int Registered);

    public CommitteeHeader Header { get; private set; } = null!;
    public List<Row> Coming { get; private set; } = [];
    public List<Row> Past { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var header = await CommitteeHeader.LoadAsync(db, slug, "meetings", User, HttpContext.RequestAborted);
        if (header is null)
        {
            return NotFound();
        }
        Header = header;
        var id = header.Committee.Id;
        var now = clock.GetUtcNow();
        var rows = await db.Meetings.AsNoTracking().Where(m => m.CommitteeId == id).OrderBy(m => m.StartsAt).Take(500)
            .Select(m => new Row(m, db.MeetingRegistrations.Count(r => r.MeetingId == m.Id))).ToListAsync();
        Coming = rows.Where(r => r.Meeting.EndsAt >= now).ToList();
        Past = rows.Where(r => r.Meeting.EndsAt < now).OrderByDescending(r => r.Meeting.StartsAt).ToList();
        return Page();
    }
}
