using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Meetings;
using Normative.Features.Development.Membership;
using Normative.Features.Development.Projects;
using Normative.Features.Shared;

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

    /// <param name="Draft">The N-reference of the draft the ballot is about, if it names one (every body on the ballot may read it).</param>
    public sealed record Waiting(int BallotId, BallotKind Kind, string Reference, string Title, string Committee, DateTimeOffset ClosesAt, MembershipStatus? Status, VotePosition? Position,
        string? Draft = null);

    public sealed record BodyBoard(MemberBody Body, List<Waiting> Waiting, List<Waiting> Done);

    public sealed record ComingMeeting(int Id, string Title, string Committee, DateTimeOffset StartsAt, MeetingStatus Status, bool Registered);

    public List<CommitteeBoard> Committees { get; private set; } = [];

    /// <summary>The coming meetings of the committees the person manages or whose member bodies they are a delegate of, and those they registered for.</summary>
    public List<ComingMeeting> Meetings { get; private set; } = [];
    public List<BodyBoard> Bodies { get; private set; } = [];

    public sealed record ExpertPlace(int ExpertId, int CommitteeId, string Slug, string Reference, string Title);

    /// <summary>The committees and working groups the person is an expert of.</summary>
    public List<ExpertPlace> Expertise { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        Today = DateOnly.FromDateTime(now.UtcDateTime);
        var managed = DevelopmentAccess.IsAdministrator(User)
            ? await db.Committees.AsNoTracking().Where(c => c.ManagerUserId != null || db.Projects.Any(p => p.CommitteeId == c.Id)).OrderBy(c => c.Reference).ToListAsync()
            : await DevelopmentAccess.ManagedCommitteesAsync(db, User);
        if (managed.Count > 0)
        {
            await LoadCommitteesAsync(managed, now);
        }
        if (User.UserId() is { } me)
        {
            Expertise = await (from e in DevelopmentAccess.Mine(db, me)
                               join c in db.Committees on e.CommitteeId equals c.Id
                               orderby c.Reference
                               select new ExpertPlace(e.Id, c.Id, c.Slug, c.Reference, c.TitleEn)).AsNoTracking().ToListAsync();
        }
        var bodies = await DevelopmentAccess.DelegateBodiesAsync(db, User);
        if (bodies.Count > 0)
        {
            await LoadBodiesAsync(bodies, now);
        }
        await LoadMeetingsAsync(managed.Select(c => c.Id).ToList(), bodies.Select(b => b.Id).ToList(), now);
    }

    /// <summary>One query, however many committees and bodies.</summary>
    private async Task LoadMeetingsAsync(List<int> managed, List<int> bodies, DateTimeOffset now)
    {
        var me = User.UserId();
        var memberOf = db.CommitteeMemberships.Where(m => bodies.Contains(m.MemberBodyId)).Select(m => m.CommitteeId);
        Meetings = await (from m in db.Meetings
                          join c in db.Committees on m.CommitteeId equals c.Id
                          where m.EndsAt >= now
                                && (managed.Contains(c.Id) || memberOf.Contains(c.Id) || (c.ParentId != null && memberOf.Contains(c.ParentId.Value))
                                    || db.MeetingRegistrations.Any(r => r.MeetingId == m.Id && r.UserId == me))
                          orderby m.StartsAt
                          select new ComingMeeting(m.Id, m.Title, c.Reference, m.StartsAt, m.Status, db.MeetingRegistrations.Any(r => r.MeetingId == m.Id && r.UserId == me)))
            .Take(20).AsNoTracking().ToListAsync();
    }

    /// <summary>Each committee's board, from one query per kind of row for all the committees together.</summary>
    private async Task LoadCommitteesAsync(List<Committee> committees, DateTimeOffset now)
    {
        var ids = committees.Select(c => c.Id).ToList();
        var open = (await db.Ballots.AsNoTracking().Include(b => b.Project).Where(b => ids.Contains(b.CommitteeId) && b.Status == BallotStatus.Open).OrderBy(b => b.ClosesAt)
                .Select(b => new { b, Responded = db.BallotPositions.Count(p => p.BallotId == b.Id), Comments = db.BallotComments.Count(x => x.BallotId == b.Id) }).ToListAsync())
            .ToLookup(x => x.b.CommitteeId);
        var projects = (await db.Projects.AsNoTracking().Where(p => ids.Contains(p.CommitteeId)).ToListAsync()).ToLookup(p => p.CommitteeId);
        var atRisk = await Memberships.AtRiskAsync(db, ids, now);
        foreach (var c in committees)
        {
            var ballots = open[c.Id].Select(x => new OpenBallot(x.b.Id, x.b.Kind, ProjectReference.ForBallot(x.b.Project!, x.b.Kind), x.b.ClosesAt, x.Responded, x.b.PMembers, x.Comments)).ToList();
            var overdue = projects[c.Id]
                .Select(p => (p, next: ProjectSchedule.Next(p.Stage, ProjectSchedule.Targets(p.TrackMonths, p.RegisteredOn))))
                .Where(x => x.next is not null && x.next.Target < Today)
                .Select(x => new Overdue(x.p.Id, ProjectReference.Current(x.p), x.p.TitleEn, x.p.Stage, x.next!)).ToList();
            var reviewing = open[c.Id].Where(x => x.b.Kind == BallotKind.SR).Select(x => x.b.ProjectId).ToHashSet();
            var reviews = projects[c.Id].Where(p => p.ReviewDue is { } due && due <= Today.AddMonths(6) && p.Stage is 6060 or 9093 && !reviewing.Contains(p.Id))
                .Select(p => new ReviewDue(p.Id, ProjectReference.Current(p), p.ReviewDue!.Value)).ToList();
            Committees.Add(new CommitteeBoard(c, ballots, overdue, atRisk.GetValueOrDefault(c.Id) ?? [], reviews));
        }
    }

    /// <summary>Each member body's board: the open ballots it is on, from one query for all the bodies together.</summary>
    private async Task LoadBodiesAsync(List<MemberBody> bodies, DateTimeOffset now)
    {
        var ids = bodies.Select(b => b.Id).ToList();
        var rows = (await (from m in db.BallotMembers
                           join b in db.Ballots on m.BallotId equals b.Id
                           join p in db.Projects on b.ProjectId equals p.Id
                           join c in db.Committees on b.CommitteeId equals c.Id
                           where ids.Contains(m.MemberBodyId) && b.Status == BallotStatus.Open && b.ClosesAt > now
                           orderby b.ClosesAt
                           select new
                           {
                               m.MemberBodyId, b.Id, b.Kind, Project = p, p.TitleEn, Committee = c.Reference, b.ClosesAt, m.Status,
                               Position = db.BallotPositions.Where(x => x.BallotId == b.Id && x.MemberBodyId == m.MemberBodyId).Select(x => (VotePosition?)x.Position).FirstOrDefault(),
                               Draft = db.CommitteeDocuments.Where(d => d.Id == b.DocumentId).Select(d => (int?)d.Number).FirstOrDefault(),
                           }).AsNoTracking().ToListAsync())
            .ToLookup(x => x.MemberBodyId, x => new Waiting(x.Id, x.Kind, ProjectReference.ForBallot(x.Project, x.Kind), x.TitleEn, x.Committee, x.ClosesAt, x.Status, x.Position,
                x.Draft is { } n ? Documents.CommitteeDocuments.Reference(x.Committee, n) : null));
        // A P-member owes a vote on every ballot but a CD consultation; observers and consultations take comments.
        static bool Owes(Waiting w) => w.Status == MembershipStatus.P && w.Kind != BallotKind.CD && w.Position is null;
        foreach (var body in bodies)
        {
            Bodies.Add(new BodyBoard(body, rows[body.Id].Where(Owes).ToList(), rows[body.Id].Where(w => !Owes(w)).ToList()));
        }
    }
}
