using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Membership;
using Normative.Features.Development.Projects;

namespace Normative.Features.Development;

/// <summary>
/// /development/dashboard: for a committee manager, open ballots with participation so far, projects
/// overdue against their track, P-members at risk of losing their status and reviews coming due; for
/// a delegate, the ballots waiting for the member body.
/// </summary>
[Authorize]
public class DashboardModel(NormativeDb db, TimeProvider clock) : PageModel
{
    public sealed record OpenBallot(int Id, BallotKind Kind, string Reference, DateTimeOffset ClosesAt, int Responded, int PMembers, int Comments);

    public sealed record Overdue(int Id, string Reference, string Title, int Stage, Milestone Next);

    public sealed record ReviewDue(int Id, string Reference, DateOnly Due);

    public sealed record CommitteeBoard(Committee Committee, List<OpenBallot> Ballots, List<Overdue> Overdue, List<(MemberBody Body, ParticipationRisk Risk)> AtRisk, List<ReviewDue> Reviews);

    public sealed record Waiting(int BallotId, BallotKind Kind, string Reference, string Title, string Committee, DateTimeOffset ClosesAt, MembershipStatus Status, VotePosition? Position);

    public sealed record BodyBoard(MemberBody Body, List<Waiting> Waiting, List<Waiting> Done);

    public List<CommitteeBoard> Committees { get; private set; } = [];
    public List<BodyBoard> Bodies { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        Today = DateOnly.FromDateTime(now.UtcDateTime);
        var managed = DevelopmentAccess.IsAdministrator(User)
            ? await db.Committees.AsNoTracking().Where(c => c.ManagerUserId != null || db.Projects.Any(p => p.CommitteeId == c.Id)).OrderBy(c => c.Reference).ToListAsync()
            : await DevelopmentAccess.ManagedCommitteesAsync(db, User);
        foreach (var c in managed)
        {
            var ballots = (await db.Ballots.AsNoTracking().Include(b => b.Project).Where(b => b.CommitteeId == c.Id && b.Status == BallotStatus.Open).OrderBy(b => b.ClosesAt)
                    .Select(b => new { b, Responded = db.BallotPositions.Count(p => p.BallotId == b.Id), Comments = db.BallotComments.Count(x => x.BallotId == b.Id) }).ToListAsync())
                .Select(x => new OpenBallot(x.b.Id, x.b.Kind, ProjectReference.ForBallot(x.b.Project!, x.b.Kind), x.b.ClosesAt, x.Responded, x.b.PMembers, x.Comments))
                .ToList();
            var projects = await db.Projects.AsNoTracking().Where(p => p.CommitteeId == c.Id).ToListAsync();
            var overdue = projects
                .Select(p => (p, next: ProjectSchedule.Next(p.Stage, ProjectSchedule.Targets(p.TrackMonths, p.RegisteredOn))))
                .Where(x => x.next is not null && x.next.Target < Today)
                .Select(x => new Overdue(x.p.Id, ProjectReference.Current(x.p), x.p.TitleEn, x.p.Stage, x.next!)).ToList();
            var reviewing = await db.Ballots.Where(b => b.CommitteeId == c.Id && b.Kind == BallotKind.SR && b.Status == BallotStatus.Open).Select(b => b.ProjectId).ToListAsync();
            var reviews = projects.Where(p => p.ReviewDue is { } due && due <= Today.AddMonths(6) && p.Stage is 6060 or 9093 && !reviewing.Contains(p.Id))
                .Select(p => new ReviewDue(p.Id, ProjectReference.Current(p), p.ReviewDue!.Value)).ToList();
            var atRisk = await Memberships.AtRiskAsync(db, c.Id, now);
            Committees.Add(new CommitteeBoard(c, ballots, overdue, atRisk, reviews));
        }

        foreach (var body in await DevelopmentAccess.DelegateBodiesAsync(db, User))
        {
            var rows = (await (from m in db.BallotMembers
                               join b in db.Ballots on m.BallotId equals b.Id
                               join p in db.Projects on b.ProjectId equals p.Id
                               join c in db.Committees on b.CommitteeId equals c.Id
                               where m.MemberBodyId == body.Id && b.Status == BallotStatus.Open && b.ClosesAt > now
                               orderby b.ClosesAt
                               select new
                               {
                                   b.Id, b.Kind, Project = p, p.TitleEn, Committee = c.Reference, b.ClosesAt, m.Status,
                                   Position = db.BallotPositions.Where(x => x.BallotId == b.Id && x.MemberBodyId == body.Id).Select(x => (VotePosition?)x.Position).FirstOrDefault(),
                               }).AsNoTracking().ToListAsync())
                .Select(x => new Waiting(x.Id, x.Kind, ProjectReference.ForBallot(x.Project, x.Kind), x.TitleEn, x.Committee, x.ClosesAt, x.Status, x.Position))
                .ToList();
            // A P-member owes a vote on every ballot but a CD consultation; observers and consultations take comments.
            bool Owes(Waiting w) => w.Status == MembershipStatus.P && w.Kind != BallotKind.CD && w.Position is null;
            Bodies.Add(new BodyBoard(body, rows.Where(Owes).ToList(), rows.Where(w => !Owes(w)).ToList()));
        }
    }
}
