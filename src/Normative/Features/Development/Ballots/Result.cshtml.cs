using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
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
            Tally = await BallotActions.TallyAsync(db, ballot);
            Chart = BallotChart.Build(Tally);
            if (ballot.DecidedByUserId is { } by)
            {
                DecidedBy = await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync();
            }
        }
        return Page();
    }
}
