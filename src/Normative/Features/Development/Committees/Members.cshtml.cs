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
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSetAsync(int id, string? memberBody, string? status, string? note)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!Header.CanManage)
        {
            return Forbid();
        }
        var body = string.IsNullOrWhiteSpace(memberBody) ? null : await MemberBodies.FindAsync(db, memberBody, HttpContext.RequestAborted);
        MembershipStatus? target = status switch
        {
            "P" => MembershipStatus.P,
            "O" => MembershipStatus.O,
            _ => null,
        };
        if (body is null)
        {
            Error = t["Error.Member.Unknown", memberBody ?? ""];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await Memberships.SetAsync(db, id, body.Id, target, User.UserId(), note, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            Error = t[result.Error.Key, result.Error.Args];
            Response.StatusCode = result.Error.Status;
        }
        else
        {
            Message = t["Membership.Saved", body.Acronym];
        }
        await LoadAsync(id);
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
