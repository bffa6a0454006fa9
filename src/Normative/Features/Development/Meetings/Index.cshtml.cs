using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Development.Meetings;

/// <summary>
/// /development/meetings: the meetings the signed-in person registered for, and the secret address of
/// their own calendar of them (made here, and made anew when it has leaked).
/// </summary>
[Authorize]
public class IndexModel(NormativeDb db, IConfiguration configuration, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : PageModel
{
    public sealed record Row(Meeting Meeting, string Committee);

    public List<Row> Coming { get; private set; } = [];
    public List<Row> Past { get; private set; } = [];

    /// <summary>The full address of the person's calendar, when they have one.</summary>
    public string? CalendarUrl { get; private set; }

    public async Task OnGetAsync()
    {
        var me = User.UserId()!;
        var now = clock.GetUtcNow();
        var rows = await (from r in db.MeetingRegistrations
                          join m in db.Meetings on r.MeetingId equals m.Id
                          join c in db.Committees on m.CommitteeId equals c.Id
                          where r.UserId == me
                          orderby m.StartsAt
                          select new Row(m, c.Reference)).AsNoTracking().Take(500).ToListAsync();
        Coming = rows.Where(r => r.Meeting.EndsAt >= now).ToList();
        Past = rows.Where(r => r.Meeting.EndsAt < now).OrderByDescending(r => r.Meeting.StartsAt).Take(50).ToList();
        var key = await db.CalendarKeys.Where(k => k.UserId == me).Select(k => k.Key).FirstOrDefaultAsync();
        CalendarUrl = key is null ? null : SiteLinks.Origin(configuration, HttpContext) + DevelopmentLinks.PersonalCalendar(key);
    }

    /// <summary>Makes the person's calendar address, or a new one (the old one stops working).</summary>
    public async Task<IActionResult> OnPostCalendarAsync()
    {
        var renew = await db.CalendarKeys.AnyAsync(k => k.UserId == User.UserId());
        await MeetingActions.CalendarKeyAsync(db, User.UserId()!, renew, clock.GetUtcNow(), HttpContext.RequestAborted);
        TempData.SetNotice(t[renew ? "Meetings.CalendarRenewed" : "Meetings.CalendarMade"]);
        return Redirect(DevelopmentLinks.MyMeetings);
    }
}
