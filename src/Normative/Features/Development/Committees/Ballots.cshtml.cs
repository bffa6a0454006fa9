using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Projects;

namespace Normative.Features.Development.Committees;

/// <summary>/committees/{slug}/ballots: the committee's ballots, open ones first, then the closed ones with their outcome.</summary>
public class BallotsModel(NormativeDb db) : PageModel
{
    public const string Tab = "ballots";
    public const int MaxClosed = 200;

    public sealed record Row(Ballot Ballot, string Reference, int Responded);

    public CommitteeHeader Header { get; private set; } = null!;
    public List<Row> Open { get; private set; } = [];
    public List<Row> Closed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var header = await CommitteeHeader.LoadAsync(db, slug, Tab, User, HttpContext.RequestAborted);
        if (header is null)
        {
            return NotFound();
        }
        Header = header;
        var id = header.Committee.Id;
        var open = await db.Ballots.AsNoTracking().Include(b => b.Project).Where(b => b.CommitteeId == id && b.Status == BallotStatus.Open).OrderBy(b => b.ClosesAt)
            .Select(b => new { Ballot = b, Responded = db.BallotPositions.Count(x => x.BallotId == b.Id) }).ToListAsync();
        Open = open.Select(x => new Row(x.Ballot, ProjectReference.ForBallot(x.Ballot.Project!, x.Ballot.Kind), x.Responded)).ToList();
        var closed = await db.Ballots.AsNoTracking().Include(b => b.Project).Where(b => b.CommitteeId == id && b.Status != BallotStatus.Open)
            .OrderByDescending(b => b.ClosedAt ?? b.ClosesAt).ThenByDescending(b => b.Id).Take(MaxClosed)
            .Select(b => new { Ballot = b, Responded = db.BallotPositions.Count(x => x.BallotId == b.Id) }).ToListAsync();
        Closed = closed.Select(x => new Row(x.Ballot, ProjectReference.ForBallot(x.Ballot.Project!, x.Ballot.Kind), x.Responded)).ToList();
        return Page();
    }
}
