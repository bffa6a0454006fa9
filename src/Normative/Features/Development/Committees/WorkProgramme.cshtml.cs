using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Membership;
using Normative.Features.Development.Projects;
using Normative.Features.Shared;

namespace Normative.Features.Development.Committees;

/// <summary>
/// /committees/{slug}/work-programme: the committee's scope, members, projects with their stages and
/// targets, open ballots and published standards. Its manager registers projects and starts reviews here.
/// </summary>
public class WorkProgrammeModel(NormativeDb db, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : PageModel
{
    public sealed record Row(Project Project, Milestone? Next, bool Overdue);

    public sealed record OpenBallot(Ballot Ballot, string Reference, int Responded);

    public sealed record Published(Deliverable Deliverable, Project? Project);

    public CommitteeHeader Header { get; private set; } = null!;
    public List<MemberBody> PMembers { get; private set; } = [];
    public List<MemberBody> OMembers { get; private set; } = [];
    public List<Committee> Children { get; private set; } = [];
    public List<Row> Active { get; private set; } = [];
    public List<Row> Stopped { get; private set; } = [];
    public List<OpenBallot> Ballots { get; private set; } = [];
    public List<Published> Standards { get; private set; } = [];

    /// <summary>A published standard of the committee to take into the work programme for its systematic review.</summary>
    public sealed class ReviewInput
    {
        public int DeliverableId { get; set; }
    }

    [BindProperty]
    public ReviewInput Review { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReviewAsync(string slug)
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
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(slug, StatusCodes.Status400BadRequest);
        }
        var result = await ProjectActions.AdoptAsync(db, Review.DeliverableId, id, User.UserId(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", t[result.Error.Key, result.Error.Args]);
            return await RefusedAsync(slug, result.Error.Status);
        }
        TempData.SetNotice(t["Notice.ReviewStarted", ProjectReference.Current(result.Value)]);
        return Redirect(DevelopmentLinks.Project(result.Value.Id) + "#ballot");
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
        var header = await CommitteeHeader.LoadAsync(db, slug, "work", User, HttpContext.RequestAborted);
        if (header is null)
        {
            return false;
        }
        Header = header;
        var id = header.Committee.Id;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var members = await db.CommitteeMemberships.AsNoTracking().Include(m => m.MemberBody).Where(m => m.CommitteeId == id)
            .OrderBy(m => m.MemberBody!.Acronym).ToListAsync();
        PMembers = members.Where(m => m.Status == MembershipStatus.P).Select(m => m.MemberBody!).ToList();
        OMembers = members.Where(m => m.Status == MembershipStatus.O).Select(m => m.MemberBody!).ToList();
        Children = await db.Committees.AsNoTracking().Where(c => c.ParentId == id).OrderBy(c => c.Reference).ToListAsync();
        var projects = await db.Projects.AsNoTracking().Where(p => p.CommitteeId == id).ToListAsync();
        var rows = projects.Select(p =>
        {
            var next = ProjectSchedule.Next(p.Stage, ProjectSchedule.Targets(p.TrackMonths, p.RegisteredOn));
            return new Row(p, next, next is not null && next.Target < today);
        }).OrderBy(r => r.Project.Reference, StringComparer.Ordinal).ToList();
        Active = rows.Where(r => !StageCodes.IsPublished(r.Project.Stage) && !StageCodes.IsTerminal(r.Project.Stage)).ToList();
        Stopped = rows.Where(r => r.Project.Stage % 100 == 98).ToList();
        Ballots = (await db.Ballots.AsNoTracking().Include(b => b.Project).Where(b => b.CommitteeId == id && b.Status == BallotStatus.Open).OrderBy(b => b.ClosesAt)
                .Select(b => new { Ballot = b, Responded = db.BallotPositions.Count(x => x.BallotId == b.Id) }).ToListAsync())
            .Select(x => new OpenBallot(x.Ballot, ProjectReference.ForBallot(x.Ballot.Project!, x.Ballot.Kind), x.Responded)).ToList();
        var reference = header.Committee.Reference;
        var deliverables = await db.Deliverables.AsNoTracking()
            .Where(d => d.OwnerCommittee == reference && d.CurrentStage >= StageCodes.Published && d.CurrentStage < StageCodes.Withdrawn)
            .OrderBy(d => d.Reference).Take(500).ToListAsync();
        var linked = projects.Where(p => p.DeliverableId is not null).ToDictionary(p => p.DeliverableId!.Value);
        Standards = deliverables.Select(d => new Published(d, linked.GetValueOrDefault(d.Id))).ToList();
        return true;
    }
}
