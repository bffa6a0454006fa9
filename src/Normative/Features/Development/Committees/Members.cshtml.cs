using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Development.Experts;
using Normative.Features.Development.Liaisons;
using Normative.Features.Development.Membership;
using Normative.Features.Shared;

namespace Normative.Features.Development.Committees;

/// <summary>
/// /committees/{slug}/members: a committee's P- and O-members and the history of its membership. The
/// committee manager adds member bodies, changes their status and removes them here.
/// </summary>
public class MembersModel(NormativeDb db, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : PageModel
{
    public sealed record HistoryRow(DateTimeOffset At, MemberBody Body, MembershipEventKind Kind, MembershipStatus? From, MembershipStatus? To, string? Note);

    public CommitteeHeader Header { get; private set; } = null!;
    public List<CommitteeMembership> Members { get; private set; } = [];
    public List<HistoryRow> History { get; private set; } = [];
    public List<MemberBody> Candidates { get; private set; } = [];
    public List<(MemberBody Body, ParticipationRisk Risk)> AtRisk { get; private set; } = [];

    /// <summary>A member body joining the committee, changing its status, or leaving (no status).</summary>
    public sealed class InputModel
    {
        /// <summary>The body's acronym or country code.</summary>
        public string? MemberBody { get; set; }

        /// <summary>"P", "O", or empty to leave the committee.</summary>
        public string? Status { get; set; }

        public string? Note { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The pending applications, for the committee's manager.</summary>
    public List<MembershipApplication> Applications { get; private set; } = [];

    /// <summary>The member bodies the person administers, who may apply for them.</summary>
    public List<MemberBody> MyBodies { get; private set; } = [];

    /// <summary>A member body applying to be a P- or O-member.</summary>
    public sealed class ApplicationInput
    {
        public string? MemberBody { get; set; }
        public MembershipStatus? Status { get; set; }
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnPostApplyAsync(string slug, ApplicationInput application)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
        if (committee is null)
        {
            return NotFound();
        }
        var id = committee.Id;
        var body = string.IsNullOrWhiteSpace(application.MemberBody) ? null : await MemberBodies.FindAsync(db, application.MemberBody, HttpContext.RequestAborted);
        if (body is null)
        {
            return NotFound();
        }
        if (!await DevelopmentAccess.ManagesMemberBodyAsync(db, User, body.Id, HttpContext.RequestAborted))
        {
            return Forbid();
        }
        if (application.Status is not { } status || !Enum.IsDefined(status))
        {
            ModelState.AddModelError("", t["Error.Application.Status"]);
            return await RefusedAsync(slug, StatusCodes.Status400BadRequest);
        }
        var result = await MembershipApplications.ApplyAsync(db, id, body.Id, status, application.Note, User.UserId(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", t[result.Error.Key, result.Error.Args]);
            return await RefusedAsync(slug, result.Error.Status);
        }
        TempData.SetNotice(t["Application.Sent", body.Acronym]);
        return Redirect(DevelopmentLinks.CommitteeMembers(slug));
    }

    public Task<IActionResult> OnPostAcceptAsync(string slug, int application) => DecideAsync(slug, application, true);

    public Task<IActionResult> OnPostDeclineAsync(string slug, int application) => DecideAsync(slug, application, false);

    private async Task<IActionResult> DecideAsync(string slug, int application, bool accept)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
        if (committee is null)
        {
            return NotFound();
        }
        var id = committee.Id;
        if (!DevelopmentAccess.Manages(User, committee))
        {
            return Forbid();
        }
        var result = await MembershipApplications.DecideAsync(db, id, application, accept, User.UserId(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", t[result.Error.Key, result.Error.Args]);
            return await RefusedAsync(slug, result.Error.Status);
        }
        TempData.SetNotice(t[accept ? "Application.Accepted" : "Application.Declined"]);
        return Redirect(DevelopmentLinks.CommitteeMembers(slug));
    }

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug) ? Page() : NotFound();

    /// <summary>The committee's experts and its liaisons' representatives are shown to the committee only (<see cref="DevelopmentAccess.MaySeeExpertsAsync"/>).</summary>
    public bool MaySeeExperts { get; private set; }
    public List<ExpertsApi.ExpertResponse> Experts { get; private set; } = [];
    public bool IsWorkingGroup { get; private set; }
    public string? Convener { get; private set; }
    public bool AppointsConvener { get; private set; }
    public List<LiaisonsApi.LiaisonResponse> Liaisons { get; private set; } = [];

    /// <summary>A new liaison: a category and an organization's name, or "Internal" and another committee's reference.</summary>
    public sealed class LiaisonInput
    {
        public LiaisonCategory? Category { get; set; }
        public string? Organization { get; set; }
        public string? Committee { get; set; }
    }

    public async Task<IActionResult> OnPostAppointConvenerAsync(string slug, string? convenerEmail)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
        if (committee is null)
        {
            return NotFound();
        }
        var id = committee.Id;
        if (!await DevelopmentAccess.AppointsConvenerAsync(db, User, committee, HttpContext.RequestAborted))
        {
            return Forbid();
        }
        var result = await ExpertActions.AppointConvenerAsync(db, id, convenerEmail, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("convenerEmail", t[result.Error.Key, result.Error.Args]);
            return await RefusedAsync(slug, result.Error.Status);
        }
        TempData.SetNotice(t["Convener.Saved"]);
        return Redirect(DevelopmentLinks.CommitteeMembers(slug));
    }

    public Task<IActionResult> OnPostEstablishLiaisonAsync(string slug, LiaisonInput liaison) => ManagedAsync(slug, async id =>
    {
        if (liaison.Category is not { } category)
        {
            return DevelopmentError.Invalid("Error.Liaison.Category");
        }
        var result = await LiaisonActions.EstablishAsync(db, id, category, liaison.Organization, liaison.Committee, User.UserId(), clock.GetUtcNow(), HttpContext.RequestAborted);
        return result.Succeeded ? null : result.Error;
    }, "Liaison.Established");

    public Task<IActionResult> OnPostEndLiaisonAsync(string slug, int liaisonId) => ManagedAsync(slug, async id =>
    {
        var result = await LiaisonActions.EndAsync(db, id, liaisonId, HttpContext.RequestAborted);
        return result.Succeeded ? null : result.Error;
    }, "Liaison.Ended");

    public Task<IActionResult> OnPostAddRepresentativeAsync(string slug, int liaisonId, string? representativeEmail) => ManagedAsync(slug, async id =>
    {
        var result = await LiaisonActions.AddRepresentativeAsync(db, id, liaisonId, representativeEmail, clock.GetUtcNow(), HttpContext.RequestAborted);
        return result.Succeeded ? null : result.Error;
    }, "Liaison.RepresentativeAdded");

    /// <summary>A change only the committee's manager (or an administrator) makes: done, or the page with the reason.</summary>
    private async Task<IActionResult> ManagedAsync(string slug, Func<int, Task<DevelopmentError?>> change, string notice)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
        if (committee is null)
        {
            return NotFound();
        }
        if (!DevelopmentAccess.Manages(User, committee))
        {
            return Forbid();
        }
        if (await change(committee.Id) is { } error)
        {
            ModelState.AddModelError("", t[error.Key, error.Args]);
            return await RefusedAsync(slug, error.Status);
        }
        TempData.SetNotice(t[notice]);
        return Redirect(DevelopmentLinks.CommitteeMembers(slug));
    }

    public async Task<IActionResult> OnPostSetAsync(string slug)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
        if (committee is null)
        {
            return NotFound();
        }
        var id = committee.Id;
        if (!DevelopmentAccess.Manages(User, committee))
        {
            return Forbid();
        }
        var body = string.IsNullOrWhiteSpace(Input.MemberBody) ? null : await MemberBodies.FindAsync(db, Input.MemberBody, HttpContext.RequestAborted);
        if (body is null)
        {
            ModelState.AddModelError("Input.MemberBody", t["Error.Member.Unknown", Input.MemberBody ?? ""]);
        }
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(slug, StatusCodes.Status400BadRequest);
        }
        MembershipStatus? target = Input.Status switch
        {
            "P" => MembershipStatus.P,
            "O" => MembershipStatus.O,
            _ => null,
        };
        var result = await Memberships.SetAsync(db, id, body!.Id, target, User.UserId(), Input.Note, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", t[result.Error.Key, result.Error.Args]);
            return await RefusedAsync(slug, result.Error.Status);
        }
        TempData.SetNotice(t["Membership.Saved", body.Acronym]);
        return Redirect(DevelopmentLinks.CommitteeMembers(slug));
    }

    /// <summary>The page as it is (nothing was changed), with the reason in the model state.</summary>
    private async Task<IActionResult> RefusedAsync(string slug, int status)
    {
        await LoadAsync(slug);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(string slug)
    {
        var header = await CommitteeHeader.LoadAsync(db, slug, "members", User, HttpContext.RequestAborted);
        if (header is null)
        {
            return false;
        }
        Header = header;
        var id = header.Committee.Id;
        Members = await db.CommitteeMemberships.AsNoTracking().Include(m => m.MemberBody).Where(m => m.CommitteeId == id)
            .OrderBy(m => m.MemberBody!.Acronym).ToListAsync();
        var bodies = await db.MemberBodies.AsNoTracking().ToDictionaryAsync(m => m.Id);
        History = (await db.MembershipEvents.AsNoTracking().Where(e => e.CommitteeId == id).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(200).ToListAsync())
            .Select(e => new HistoryRow(e.At, bodies[e.MemberBodyId], e.Kind, e.FromStatus, e.ToStatus, e.Note)).ToList();
        var committee = Header.Committee;
        IsWorkingGroup = CommitteeRules.KindOf(committee.Reference) is CommitteeKind.WG or CommitteeKind.JWG;
        MaySeeExperts = await DevelopmentAccess.MaySeeExpertsAsync(db, User, committee, HttpContext.RequestAborted);
        if (MaySeeExperts)
        {
            Experts = await ExpertsApi.ExpertsAsync(db, id, HttpContext.RequestAborted);
            Convener = committee.ConvenerUserId is { } convener ? await db.Users.Where(u => u.Id == convener).Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync() : null;
        }
        AppointsConvener = IsWorkingGroup && await DevelopmentAccess.AppointsConvenerAsync(db, User, committee, HttpContext.RequestAborted);
        Liaisons = await LiaisonsApi.LiaisonsAsync(db, id, MaySeeExperts, HttpContext.RequestAborted);
        var me = User.UserId();
        if (me is not null && User.IsInRole(Normative.Features.Accounts.Roles.MemberBodyAdministrator))
        {
            MyBodies = await (from a in db.MemberBodyAdministrators
                              join b in db.MemberBodies on a.MemberBodyId equals b.Id
                              where a.UserId == me
                              orderby b.Acronym
                              select b).AsNoTracking().ToListAsync();
        }
        if (Header.CanManage)
        {
            Applications = await db.MembershipApplications.AsNoTracking().Include(a => a.MemberBody)
                .Where(a => a.CommitteeId == id && a.State == MembershipApplicationState.Pending).OrderBy(a => a.AppliedAt).ToListAsync();
            var culture = System.Globalization.CultureInfo.CurrentCulture;
            Candidates = bodies.Values.OrderBy(m => m.Acronym, StringComparer.Create(culture, true)).ToList();
            AtRisk = await Memberships.AtRiskAsync(db, id, clock.GetUtcNow(), HttpContext.RequestAborted);
        }
        return true;
    }
}
