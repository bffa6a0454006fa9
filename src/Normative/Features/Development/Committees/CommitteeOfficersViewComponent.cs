using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;

namespace Normative.Features.Development.Committees;

/// <summary>On a committee's overview: its secretariat, its officers (current and past terms) and the history of its record.</summary>
public sealed class CommitteeOfficersViewComponent(NormativeDb db, TimeProvider clock) : ViewComponent
{
    public const int MaxHistory = 100;

    public sealed record HistoryRow(CommitteeEvent Event, string? By);

    /// <param name="Chair">The chair in office today, from the terms.</param>
    /// <param name="Named">Whether an office has terms at all: one without is shown from the committee's own columns (named before terms were kept).</param>
    public sealed record OfficersView(CommitteeHeader Header, CommitteeOfficer? Chair, CommitteeOfficer? Manager, List<CommitteeOfficer> Past, List<HistoryRow> History,
        ISet<OfficerRole> Named);

    public async Task<IViewComponentResult> InvokeAsync(Committee committee)
    {
        ArgumentNullException.ThrowIfNull(committee);
        var ct = HttpContext.RequestAborted;
        var header = (await CommitteeHeader.LoadAsync(db, committee.Id, "overview", UserClaimsPrincipal, ct))!;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var officers = await db.CommitteeOfficers.AsNoTracking().Where(o => o.CommitteeId == committee.Id).ToListAsync(ct);
        var chair = OfficerRules.Current(officers, OfficerRole.Chair, today);
        var manager = OfficerRules.Current(officers, OfficerRole.CommitteeManager, today);
        var past = officers.Where(o => o.EndsOn < today).OrderByDescending(o => o.EndsOn).ThenBy(o => o.Role).ToList();
        var history = await (from e in db.CommitteeEvents
                             where e.CommitteeId == committee.Id
                             orderby e.Id descending
                             select new HistoryRow(e, db.Users.Where(u => u.Id == e.ByUserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefault()))
            .AsNoTracking().Take(MaxHistory).ToListAsync(ct);
        return View("~/Features/Development/Committees/CommitteeOfficers.cshtml", new OfficersView(header, chair, manager, past, history, officers.Select(o => o.Role).ToHashSet()));
    }
}
