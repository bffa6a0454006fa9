using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Membership;
using Normative.Features.Development.Projects;

namespace Normative.Features.Development;

/// <summary>/taking-part: how member bodies, delegates and experts take part, with the ways in.</summary>
public class TakingPartModel(NormativeDb db, TimeProvider clock) : PageModel
{
    public sealed record Consultation(int BallotId, string Reference, string Title, DateTimeOffset ClosesAt);

    public sealed record CommitteeLink(int Id, string Slug, string Reference, string Title, int Projects);

    public Dictionary<MemberCategory, int> Categories { get; private set; } = [];
    public int OpenBallots { get; private set; }
    public List<Consultation> Consultations { get; private set; } = [];
    public List<CommitteeLink> Committees { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        Categories = await db.MemberBodies.GroupBy(m => m.Category).ToDictionaryAsync(g => g.Key, g => g.Count());
        OpenBallots = await db.Ballots.CountAsync(b => b.Status == BallotStatus.Open && b.ClosesAt > now);
        Consultations = (await db.Ballots.AsNoTracking().Include(b => b.Project)
                .Where(b => b.PublicConsultation && b.Status == BallotStatus.Open && b.ClosesAt > now).OrderBy(b => b.ClosesAt).Take(5).ToListAsync())
            .Select(b => new Consultation(b.Id, ProjectReference.AtStage(b.Project!.Reference, StageCodes.DisBallot), b.Project.TitleEn, b.ClosesAt)).ToList();
        Committees = await db.Committees.AsNoTracking()
            .Where(c => db.Projects.Any(p => p.CommitteeId == c.Id) || db.CommitteeMemberships.Any(m => m.CommitteeId == c.Id))
            .OrderBy(c => c.Reference)
            .Select(c => new CommitteeLink(c.Id, c.Slug, c.Reference, c.TitleEn, db.Projects.Count(p => p.CommitteeId == c.Id && p.Stage < StageCodes.Published && p.Stage % 100 != 98)))
            .Take(30).ToListAsync();
    }
}
