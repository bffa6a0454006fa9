using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Shared;

namespace Normative.Features.Development.Meetings;

/// <summary>
/// /development/meetings/{id}/edit: the committee's manager changes a meeting (a new date or place is
/// mailed to delegates and registrants), records its resolutions, or cancels it.
/// </summary>
[Authorize]
public class EditModel(NormativeDb db, MeetingMail mail, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : MeetingFormModel(db)
{
    public Meeting Meeting { get; private set; } = null!;
    public Committee Committee { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        var host = Meeting.HostMemberBodyId is { } h ? await Db.MemberBodies.Where(b => b.Id == h).Select(b => b.Acronym).FirstOrDefaultAsync() : null;
        Input = MeetingInput.From(Meeting, host);
        await LoadHostsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(null, t);
        }
        var result = await MeetingActions.UpdateAsync(Db, mail, id, Input.ToDraft(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return await RefusedAsync(result.Error, t);
        }
        TempData.SetNotice(t["Meeting.Saved", result.Value.Title]);
        return Redirect(DevelopmentLinks.Meeting(id));
    }

    public async Task<IActionResult> OnPostCancelAsync(int id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        var result = await MeetingActions.CancelAsync(Db, mail, id, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.Clear();
            Input = MeetingInput.From(Meeting, null);
            return await RefusedAsync(result.Error, t);
        }
        TempData.SetNotice(t["Meeting.CancelledNotice", result.Value.Title]);
        return Redirect(DevelopmentLinks.Meeting(id));
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var meeting = await Db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (meeting is null)
        {
            return NotFound();
        }
        var committee = await Db.Committees.AsNoTracking().SingleAsync(c => c.Id == meeting.CommitteeId);
        if (!DevelopmentAccess.Manages(User, committee))
        {
            return Forbid();
        }
        (Meeting, Committee) = (meeting, committee);
        return null;
    }
}
