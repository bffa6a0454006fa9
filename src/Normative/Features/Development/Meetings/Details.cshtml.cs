using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development.Membership;
using Normative.Features.Shared;

namespace Normative.Features.Development.Meetings;

/// <summary>
/// /development/meetings/{id}: a meeting's date, place, host, agenda and resolutions. Delegates of the
/// committee's member bodies register here; its managers see who registered and register others.
/// </summary>
public class DetailsModel(NormativeDb db, UserManager<User> users, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public Committee Committee { get; private set; } = null!;
    public MemberBody? Host { get; private set; }
    public bool CanManage { get; private set; }
    public bool TakesPart { get; private set; }
    public bool Registered { get; private set; }
    public bool MayRegister { get; private set; }
    public List<MeetingsApi.RegistrationResponse> Registrants { get; private set; } = [];

    /// <summary>A person the committee's manager registers, by their account's e-mail address.</summary>
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.Email")]
        public string? Email { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRegisterAsync(int id)
    {
        ModelState.Clear();
        var me = User.UserId();
        if (me is null)
        {
            return Challenge();
        }
        var result = await MeetingActions.RegisterAsync(db, id, me, me, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return await RefusedAsync(id, result.Error);
        }
        TempData.SetNotice(t["Meeting.YouRegistered"]);
        return Redirect(DevelopmentLinks.Meeting(id));
    }

    public async Task<IActionResult> OnPostUnregisterAsync(int id)
    {
        ModelState.Clear();
        var me = User.UserId();
        if (me is null)
        {
            return Challenge();
        }
        var result = await MeetingActions.UnregisterAsync(db, id, me, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return await RefusedAsync(id, result.Error);
        }
        TempData.SetNotice(t["Meeting.YouUnregistered"]);
        return Redirect(DevelopmentLinks.Meeting(id));
    }

    public async Task<IActionResult> OnPostRegisterPersonAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!CanManage)
        {
            return Forbid();
        }
        var person = ModelState.IsValid ? await users.FindByEmailAsync(Input.Email!.Trim()) : null;
        if (ModelState.IsValid && person is null)
        {
            ModelState.AddModelError("Input.Email", t["Members.Delegates.NoAccount", Input.Email!]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await MeetingActions.RegisterAsync(db, id, person!.Id, User.UserId(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return await RefusedAsync(id, result.Error);
        }
        TempData.SetNotice(t["Meeting.PersonRegistered", person.DisplayName ?? person.Email!]);
        return Redirect(DevelopmentLinks.Meeting(id));
    }

    /// <summary>The page as it is (nothing was changed), with the reason.</summary>
    private async Task<IActionResult> RefusedAsync(int id, DevelopmentError error)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        ModelState.AddModelError("", t[error.Key, error.Args]);
        Response.StatusCode = error.Status;
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (meeting is null)
        {
            return false;
        }
        Meeting = meeting;
        Committee = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == meeting.CommitteeId);
        Host = meeting.HostMemberBodyId is { } h ? await db.MemberBodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == h) : null;
        CanManage = DevelopmentAccess.Manages(User, Committee);
        TakesPart = await MeetingAttendance.TakesPartAsync(db, User, Committee);
        var me = User.UserId();
        Registered = me is not null && await db.MeetingRegistrations.AnyAsync(r => r.MeetingId == id && r.UserId == me);
        MayRegister = !Registered && me is not null && MeetingRules.CheckRegistration(meeting, clock.GetUtcNow()) is null
            && await MeetingAttendance.MayAttendAsync(db, me, Committee);
        if (CanManage)
        {
            Registrants = await MeetingsApi.Registrants(db, id).ToListAsync();
        }
        return true;
    }
}
