using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Development.Membership;
using Normative.Features.Shared;

namespace Normative.Features.Development.Committees;

/// <summary>
/// /committees/{id}/members: a committee's P- and O-members and the history of its membership. The
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

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSetAsync(int id)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (committee is null)
        {
            return NotFound();
        }
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
            return await RefusedAsync(id, StatusCodes.Status400BadRequest);
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
            return await RefusedAsync(id, result.Error.Status);
        }
        TempData.SetNotice(t["Membership.Saved", body.Acronym]);
        return Redirect(DevelopmentLinks.CommitteeMembers(id));
    }

    /// <summary>The page as it is (nothing was changed), with the reason in the model state.</summary>
    private async Task<IActionResult> RefusedAsync(int id, int status)
    {
        await LoadAsync(id);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var header = await CommitteeHeader.LoadAsync(db, id, "members", User, HttpContext.RequestAborted);
        if (header is null)
        {
            return false;
        }
        Header = header;
        Members = await db.CommitteeMemberships.AsNoTracking().Include(m => m.MemberBody).Where(m => m.CommitteeId == id)
            .OrderBy(m => m.MemberBody!.Acronym).ToListAsync();
        var bodies = await db.MemberBodies.AsNoTracking().ToDictionaryAsync(m => m.Id);
        History = (await db.MembershipEvents.AsNoTracking().Where(e => e.CommitteeId == id).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(200).ToListAsync())
            .Select(e => new HistoryRow(e.At, bodies[e.MemberBodyId], e.Kind, e.FromStatus, e.ToStatus, e.Note)).ToList();
        if (Header.CanManage)
        {
            var culture = System.Globalization.CultureInfo.CurrentCulture;
            Candidates = bodies.Values.OrderBy(m => m.Acronym, StringComparer.Create(culture, true)).ToList();
            AtRisk = await Memberships.AtRiskAsync(db, id, clock.GetUtcNow(), HttpContext.RequestAborted);
        }
        return true;
    }
}
