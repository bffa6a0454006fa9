using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Membership;
using Normative.Features.Development.Projects;
using Normative.Features.Shared;

namespace Normative.Features.Development.Ballots;

/// <summary>
/// /development/ballots/{id}: a ballot, its participation, the delegate's vote for the member body,
/// and the committee manager's close (and decision on an undecided review).
/// </summary>
public class DetailsModel(NormativeDb db, DevelopmentMail mail, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : PageModel
{
    public sealed record Eligible(MemberBody Body, MembershipStatus Status, BallotPosition? Position);

    public sealed record PositionRow(MemberBody Body, MembershipStatus Status, BallotPosition? Position);

    public sealed record VoteEventRow(DateTimeOffset At, string Body, VotePosition Position, bool Replaced, string? By);

    public Ballot Ballot { get; private set; } = null!;
    public Project Project { get; private set; } = null!;
    public Committee Committee { get; private set; } = null!;
    public string Reference { get; private set; } = "";
    public int Responded { get; private set; }
    public int Comments { get; private set; }
    public int PublicComments { get; private set; }
    public bool CanManage { get; private set; }
    public bool AcceptsVotes { get; private set; }
    public bool ShowPositions { get; private set; }
    public List<Eligible> Mine { get; private set; } = [];
    public List<PositionRow> Positions { get; private set; } = [];
    public List<VoteEventRow> Events { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostVoteAsync(int id, string? position, string? memberBody, string? technicalReasons, bool nominatesExpert, string? expertName)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        if (!Enum.TryParse<VotePosition>(position, out var p) || !Enum.IsDefined(p))
        {
            return Refuse(DevelopmentError.Invalid("Error.Vote.Choose"));
        }
        var bodies = await DevelopmentAccess.DelegateBodiesAsync(db, User, HttpContext.RequestAborted);
        var result = await BallotActions.CastAsync(db, id, User.UserId()!, bodies,
            new VoteRequest(p, memberBody, technicalReasons, nominatesExpert, expertName), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return Refuse(result.Error);
        }
        Message = t[result.Value.Replaced ? "Vote.Replaced" : "Vote.Recorded", result.Value.MemberBody.Acronym, t["Position." + p]];
        if (p == VotePosition.Disapprove && result.Value.Position.TechnicalReasons is null && Ballot.Kind is BallotKind.DIS or BallotKind.FDIS)
        {
            Message += " " + t["Vote.NotCountedWarning"];
        }
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!CanManage)
        {
            return Forbid();
        }
        var result = await BallotActions.CloseAsync(db, mail, id, User.UserId(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return Refuse(result.Error);
        }
        return Redirect(DevelopmentLinks.BallotResult(id));
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, string? decision, string? note)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!CanManage)
        {
            return Forbid();
        }
        if (!Enum.TryParse<BallotOutcome>(decision, out var d))
        {
            return Refuse(DevelopmentError.Invalid("Error.Decision.Option"));
        }
        var result = await BallotActions.DecideAsync(db, id, User.UserId(), d, note, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return Refuse(result.Error);
        }
        return Redirect(DevelopmentLinks.BallotResult(id));
    }

    private PageResult Refuse(DevelopmentError error)
    {
        Error = t[error.Key, error.Args];
        Response.StatusCode = error.Status;
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var ballot = await db.Ballots.AsNoTracking().Include(b => b.Project).FirstOrDefaultAsync(b => b.Id == id);
        if (ballot is null)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        Ballot = ballot;
        Project = ballot.Project!;
        Committee = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == ballot.CommitteeId);
        Reference = ProjectReference.ForBallot(Project, ballot.Kind);
        CanManage = DevelopmentAccess.Manages(User, Committee);
        AcceptsVotes = ballot.AcceptsVotes(now);
        ShowPositions = CanManage || ballot.Status == BallotStatus.Closed;
        Comments = await db.BallotComments.CountAsync(c => c.BallotId == id && !c.IsPublic);
        PublicComments = await db.BallotComments.CountAsync(c => c.BallotId == id && c.IsPublic);
        var members = await db.BallotMembers.AsNoTracking().Include(m => m.MemberBody).Where(m => m.BallotId == id).ToListAsync();
        var positions = await db.BallotPositions.AsNoTracking().Where(p => p.BallotId == id).ToDictionaryAsync(p => p.MemberBodyId);
        Responded = positions.Count;
        var bodies = await DevelopmentAccess.DelegateBodiesAsync(db, User, HttpContext.RequestAborted);
        Mine = members.Where(m => bodies.Any(b => b.Id == m.MemberBodyId))
            .Select(m => new Eligible(m.MemberBody!, m.Status, positions.GetValueOrDefault(m.MemberBodyId))).ToList();
        if (ShowPositions)
        {
            Positions = members.OrderBy(m => m.Status).ThenBy(m => m.MemberBody!.Acronym)
                .Select(m => new PositionRow(m.MemberBody!, m.Status, positions.GetValueOrDefault(m.MemberBodyId))).ToList();
        }
        if (CanManage)
        {
            var acronyms = members.ToDictionary(m => m.MemberBodyId, m => m.MemberBody!.Acronym);
            Events = (await (from e in db.BallotVoteEvents
                             join u in db.Users on e.ByUserId equals u.Id
                             where e.BallotId == id
                             orderby e.Id descending
                             select new { e, Name = u.DisplayName ?? u.Email }).AsNoTracking().Take(200).ToListAsync())
                .Select(x => new VoteEventRow(x.e.At, acronyms.GetValueOrDefault(x.e.MemberBodyId, "?"), x.e.Position, x.e.Replaced, x.Name)).ToList();
        }
        return true;
    }
}
