using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Committees;
using Normative.Features.Shared;

namespace Normative.Features.Development.Meetings;

/// <summary>/committees/{slug}/meetings/new: the committee's manager (or an administrator) plans a meeting; the delegates hear of it by mail.</summary>
[Authorize]
public class NewModel(NormativeDb db, MeetingMail mail, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : MeetingFormModel(db)
{
    public Committee Committee { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await LoadAsync(slug) is { } refused)
        {
            return refused;
        }
        Input.Kind = CommitteeRules.KindOf(Committee.Reference) is CommitteeKind.TC or CommitteeKind.SC ? MeetingKind.Plenary : MeetingKind.WorkingGroup;
        await LoadHostsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (await LoadAsync(slug) is { } refused)
        {
            return refused;
        }
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(null, t);
        }
        var result = await MeetingActions.CreateAsync(Db, mail, Committee.Id, Input.ToDraft(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return await RefusedAsync(result.Error, t);
        }
        TempData.SetNotice(t["Meeting.Planned", result.Value.Title]);
        return Redirect(DevelopmentLinks.Meeting(result.Value.Id));
    }

    private async Task<IActionResult?> LoadAsync(string slug)
    {
        var committee = await Db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
        if (committee is null)
        {
            return NotFound();
        }
        if (!DevelopmentAccess.Manages(User, committee))
        {
            return Forbid();
        }
        Committee = committee;
        return null;
    }
}
