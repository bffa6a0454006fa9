using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Membership;
using Normative.Features.Development.Projects;

namespace Normative.Features.Development;

/// <summary>/development: the open ballots across committees and the committees with their work programmes.</summary>
public class IndexModel(NormativeDb db) : PageModel
{
    public sealed record BallotRow(int Id, BallotKind Kind, string Reference, string Title, string CommitteeSlug, string Committee, DateTimeOffset ClosesAt, int Responded, int PMembers, bool Public);

    public sealed record CommitteeRow(int Id, string Slug, string Reference, string Title, int? ParentId, int PMembers, int OMembers, int Projects);

    public List<BallotRow> Ballots { get; private set; } = [];
    public List<CommitteeRow> Committees { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Ballots = (await db.Ballots.AsNoTracking().Include(b => b.Project).Where(b => b.Status == BallotStatus.Open).OrderBy(b => b.ClosesAt)
                .Select(b => new { b, Committee = db.Committees.First(c => c.Id == b.CommitteeId).Reference, Slug = db.Committees.First(c => c.Id == b.CommitteeId).Slug, Responded = db.BallotPositions.Count(p => p.BallotId == b.Id) })
                .ToListAsync())
            .Select(x => new BallotRow(x.b.Id, x.b.Kind, ProjectReference.ForBallot(x.b.Project!, x.b.Kind), x.b.Project!.TitleEn,
                x.Slug, x.Committee, x.b.ClosesAt, x.Responded, x.b.PMembers, x.b.PublicConsultation)).ToList();
        Committees = await db.Committees.AsNoTracking()
            .Where(c => db.CommitteeMemberships.Any(m => m.CommitteeId == c.Id) || db.Projects.Any(p => p.CommitteeId == c.Id) || c.ManagerUserId != null)
            .OrderBy(c => c.Reference)
            .Select(c => new CommitteeRow(c.Id, c.Slug, c.Reference, c.TitleEn, c.ParentId,
                db.CommitteeMemberships.Count(m => m.CommitteeId == c.Id && m.Status == MembershipStatus.P),
                db.CommitteeMemberships.Count(m => m.CommitteeId == c.Id && m.Status == MembershipStatus.O),
                db.Projects.Count(p => p.CommitteeId == c.Id && p.Stage < StageCodes.Published && p.Stage % 100 != 98)))
            .Take(500).ToListAsync();
    }
}
