using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Membership;
using Normative.Features.Development.Projects;

namespace Normative.Features.Development.Ballots;

/// <summary>
/// /development/ballots/{id}/result: the counts, the rule applied, each criterion, the outcome and a
/// chart. Public once the ballot is closed; before that, a provisional view for the committee manager.
/// </summary>
public class ResultModel(NormativeDb db) : PageModel
{
    public Ballot Ballot { get; private set; } = null!;
    public Project Project { get; private set; } = null!;
    public Committee Committee { get; private set; } = null!;
    public string Reference { get; private set; } = "";
    public BallotTally Tally { get; private set; } = null!;
    public BallotChart Chart { get; private set; } = null!;
    public bool Visible { get; private set; }
    public string? DecidedBy { get; private set; }

    /// <summary>Each body's vote and where it counted.</summary>
    public List<CountedPosition> Positions { get; private set; } = [];

    /// <summary>The committee's P-members that did not vote, though they must.</summary>
    public List<MemberBody> PMembersNotVoted { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var ballot = await db.Ballots.AsNoTracking().Include(b => b.Project).FirstOrDefaultAsync(b => b.Id == id);
        if (ballot is null)
        {
            return NotFound();
        }
        Ballot = ballot;
        Project = ballot.Project!;
        Committee = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == ballot.CommitteeId);
        Reference = ProjectReference.ForBallot(Project, ballot.Kind);
        Visible = ballot.Status == BallotStatus.Closed || DevelopmentAccess.Manages(User, Committee);
        if (Visible)
        {
            Positions = await BallotActions.PositionsAsync(db, ballot);
            Tally = BallotRules.Tally(ballot.Kind, Positions.Select(p => p.Vote).ToList(), ballot.PMembers);
            var voted = Positions.Select(p => p.Body.Id).ToList();
            PMembersNotVoted = await (from m in db.BallotMembers
                                      join body in db.MemberBodies on m.MemberBodyId equals body.Id
                                      where m.BallotId == id && m.Status == MembershipStatus.P && !voted.Contains(m.MemberBodyId)
                                      orderby body.Acronym
                                      select body).AsNoTracking().ToListAsync();
            Chart = BallotChart.Build(Tally);
            if (ballot.DecidedByUserId is { } by)
            {
                DecidedBy = await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync();
            }
        }
        return Page();
    }
}
