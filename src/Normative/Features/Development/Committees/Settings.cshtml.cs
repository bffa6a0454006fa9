using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Development.Membership;
using Normative.Features.Shared;

namespace Normative.Features.Development.Committees;

/// <summary>
/// /committees/{slug}/settings, for the committee's managers: its manager or an administrator edits
/// the title and scope; an administrator transfers the secretariat and appoints the chair and the
/// committee manager for a term, or ends a term. Every change is recorded (the overview's history).
/// </summary>
public class SettingsModel(NormativeDb db, UserManager<User> users, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : PageModel
{
    public const string Tab = "settings";

    public CommitteeHeader Header { get; private set; } = null!;
    public List<MemberBody> Bodies { get; private set; } = [];
    public List<CommitteeOfficer> Officers { get; private set; } = [];
    public bool IsAdministrator { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>The committee's titles and scope, and why they change.</summary>
    public sealed class RecordInput
    {
        public string? TitleEn { get; set; }
        public string? TitleFr { get; set; }
        public string? Scope { get; set; }
        public string? Note { get; set; }
    }

    /// <summary>The member body (acronym or country code) taking over the secretariat.</summary>
    public sealed class SecretariatInput
    {
        public string? MemberBody { get; set; }
        public string? Note { get; set; }
    }

    /// <summary>An officer's appointment: a committee manager by their account's address; a chair by name, or by address.</summary>
    public sealed class AppointInput
    {
        public OfficerRole? Role { get; set; }
        public string? Name { get; set; }
        public string? Email { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty]
    public RecordInput Record { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await LoadAsync(slug) is { } refused)
        {
            return refused;
        }
        var c = Header.Committee;
        Record = new RecordInput { TitleEn = c.TitleEn, TitleFr = c.TitleFr, Scope = c.Scope };
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(string slug)
    {
        if (await LoadAsync(slug) is { } refused)
        {
            return refused;
        }
        var result = await CommitteeRecords.EditAsync(db, Header.Committee.Id, Record.TitleEn, Record.TitleFr, Record.Scope, Record.Note, User.UserId(), clock.GetUtcNow(),
            HttpContext.RequestAborted);
        return Done(slug, result.Error, "Committee.RecordSaved");
    }

    public async Task<IActionResult> OnPostSecretariatAsync(string slug, SecretariatInput secretariat)
    {
        if (await LoadAsync(slug, administrators: true) is { } refused)
        {
            return refused;
        }
        var result = await CommitteeRecords.TransferSecretariatAsync(db, Header.Committee.Id, secretariat?.MemberBody, secretariat?.Note, User.UserId(), clock.GetUtcNow(),
            HttpContext.RequestAborted);
        return Done(slug, result.Error, "Committee.SecretariatTransferred");
    }

    public async Task<IActionResult> OnPostAppointAsync(string slug, AppointInput appoint)
    {
        if (await LoadAsync(slug, administrators: true) is { } refused)
        {
            return refused;
        }
        if (appoint?.Role is not { } role)
        {
            return Done(slug, DevelopmentError.Invalid("Error.Officer.Role"), "");
        }
        var result = await CommitteeRecords.AppointAsync(db, users, Header.Committee.Id, role, appoint.Name, appoint.Email, appoint.StartsOn, appoint.EndsOn, appoint.Note,
            User.UserId(), clock.GetUtcNow(), HttpContext.RequestAborted);
        return Done(slug, result.Error, "Committee.OfficerAppointed");
    }

    public async Task<IActionResult> OnPostEndTermAsync(string slug, int officer)
    {
        if (await LoadAsync(slug, administrators: true) is { } refused)
        {
            return refused;
        }
        var result = await CommitteeRecords.EndTermAsync(db, Header.Committee.Id, officer, null, User.UserId(), clock.GetUtcNow(), HttpContext.RequestAborted);
        return Done(slug, result.Error, "Committee.TermEnded");
    }

    /// <summary>After a change, back to the page with its notice; after a refusal, the page as it is with the reason.</summary>
    private IActionResult Done(string slug, DevelopmentError? error, string notice)
    {
        if (error is not null)
        {
            if (Record.TitleEn is null)
            {
                var c = Header.Committee;
                Record = new RecordInput { TitleEn = c.TitleEn, TitleFr = c.TitleFr, Scope = c.Scope };
            }
            ModelState.AddModelError("", t[error.Key, error.Args]);
            Response.StatusCode = error.Status;
            return Page();
        }
        TempData.SetNotice(t[notice]);
        return Redirect(DevelopmentLinks.CommitteeSettings(slug));
    }

    /// <summary>Loads the page, or the answer for a committee that is not there or a person who may not be here.</summary>
    private async Task<IActionResult?> LoadAsync(string slug, bool administrators = false)
    {
        var header = await CommitteeHeader.LoadAsync(db, slug, Tab, User, HttpContext.RequestAborted);
        if (header is null)
        {
            return NotFound();
        }
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        IsAdministrator = DevelopmentAccess.IsAdministrator(User);
        if (!header.CanManage || (administrators && !IsAdministrator))
        {
            return Forbid();
        }
        Header = header;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var id = header.Committee.Id;
        Officers = await db.CommitteeOfficers.AsNoTracking().Where(o => o.CommitteeId == id).OrderBy(o => o.Role).ThenByDescending(o => o.StartsOn).ThenByDescending(o => o.Id).ToListAsync();
        if (IsAdministrator)
        {
            Bodies = await db.MemberBodies.AsNoTracking().Where(b => b.Category == MemberCategory.MemberBody && b.SuspendedAt == null).OrderBy(b => b.Acronym).ToListAsync();
        }
        return null;
    }
}
