using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Documents;
using Normative.Features.Development.Experts;
using Normative.Features.Development.Membership;
using Normative.Features.Development.Projects;
using Normative.Features.Shared;

namespace Normative.Features.Development.Ballots;

/// <summary>
/// /development/ballots/{id}: a ballot, its participation, the delegate's vote for the member body,
/// and the committee manager's close (and decision on an undecided review).
/// </summary>
public class DetailsModel(NormativeDb db, DevelopmentMail mail, BallotDocuments documents, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : PageModel
{
    /// <summary>One of the person's member bodies on the ballot: its place in the committee (null: none), whether it votes, its position.</summary>
    public sealed record Eligible(MemberBody Body, MembershipStatus? Status, bool Votes, BallotPosition? Position);

    public sealed record PositionRow(MemberBody Body, MembershipStatus? Status, bool Votes, BallotPosition? Position);

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

    /// <summary>A document of the ballot's in the committee's register: its draft, or what closing it filed.</summary>
    public sealed record DocumentRow(string LabelKey, CommitteeDocument Document, string Reference);

    /// <summary>The ballot's draft and filed documents that the reader may see.</summary>
    public List<DocumentRow> Documents { get; private set; } = [];

    /// <summary>A delegate's vote for one of their member bodies (the form of each body on the ballot).</summary>
    public sealed class VoteInput
    {
        public VotePosition? Position { get; set; }

        /// <summary>The body's acronym: a delegate of several bodies votes for each separately.</summary>
        public string? MemberBody { get; set; }

        public string? TechnicalReasons { get; set; }

        public bool NominatesExpert { get; set; }

        public string? ExpertName { get; set; }

        /// <summary>One of the body's registered people (their address), or empty for a new person named by <see cref="ExpertName"/> and <see cref="ExpertEmail"/>.</summary>
        public string? ExpertChoice { get; set; }

        public string? ExpertEmail { get; set; }
    }

    /// <summary>The people each of the person's member bodies has registered, to name as the NP's expert.</summary>
    public ILookup<int, ExpertPerson> People { get; private set; } = Enumerable.Empty<ExpertPerson>().ToLookup(p => p.MemberBodyId);

    /// <summary>The committee manager's decision on a systematic review the ballot left undecided.</summary>
    public sealed class DecisionInput
    {
        public BallotOutcome? Decision { get; set; }

        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostVoteAsync(int id, VoteInput vote)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        if (vote.Position is not { } position || !Enum.IsDefined(position))
        {
            ModelState.AddModelError("vote.Position", t["Error.Vote.Choose"]);
        }
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(id, StatusCodes.Status400BadRequest);
        }
        var bodies = await DevelopmentAccess.DelegateBodiesAsync(db, User, HttpContext.RequestAborted);
        var result = await BallotActions.CastAsync(db, id, User.UserId()!, bodies,
            new VoteRequest(vote.Position!.Value, vote.MemberBody, vote.TechnicalReasons, vote.NominatesExpert,
                string.IsNullOrWhiteSpace(vote.ExpertChoice) ? vote.ExpertName : null,
                string.IsNullOrWhiteSpace(vote.ExpertChoice) ? vote.ExpertEmail : vote.ExpertChoice), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return await RefusedAsync(id, result.Error);
        }
        var cast = result.Value;
        var notice = t[cast.Replaced ? "Vote.Replaced" : "Vote.Recorded", cast.MemberBody.Acronym, t["Position." + cast.Position.Position]].Value;
        if (cast.Position.Position == VotePosition.Disapprove && cast.Position.TechnicalReasons is null
            && await db.Ballots.AnyAsync(b => b.Id == id && (b.Kind == BallotKind.DIS || b.Kind == BallotKind.FDIS)))
        {
            notice += " " + t["Vote.NotCountedWarning"];
        }
        TempData.SetNotice(notice);
        return Redirect(DevelopmentLinks.Ballot(id));
    }

    public async Task<IActionResult> OnPostCloseAsync(int id)
    {
        if (await ManagedCommitteeAsync(id) is { } refused)
        {
            return refused;
        }
        var result = await BallotActions.CloseAsync(db, mail, id, User.UserId(), clock.GetUtcNow(), documents, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return await RefusedAsync(id, result.Error);
        }
        TempData.SetNotice(t["Notice.BallotClosed", t["Outcome." + result.Value.Outcome]]);
        return Redirect(DevelopmentLinks.BallotResult(id));
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, DecisionInput decision)
    {
        if (await ManagedCommitteeAsync(id) is { } refused)
        {
            return refused;
        }
        if (decision.Decision is not { } outcome || !Enum.IsDefined(outcome))
        {
            ModelState.AddModelError("decision.Decision", t["Error.Decision.Option"]);
        }
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(id, StatusCodes.Status400BadRequest);
        }
        var result = await BallotActions.DecideAsync(db, id, User.UserId(), decision.Decision!.Value, decision.Note, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return await RefusedAsync(id, result.Error);
        }
        TempData.SetNotice(t["Notice.Decided", t["Outcome." + result.Value.Decision]]);
        return Redirect(DevelopmentLinks.BallotResult(id));
    }

    /// <summary>Not found, or forbidden unless the person manages the ballot's committee; null when they may go on.</summary>
    private async Task<IActionResult?> ManagedCommitteeAsync(int id)
    {
        var committee = await (from b in db.Ballots
                               join c in db.Committees on b.CommitteeId equals c.Id
                               where b.Id == id
                               select c).AsNoTracking().FirstOrDefaultAsync();
        return committee is null ? NotFound() : DevelopmentAccess.Manages(User, committee) ? null : Forbid();
    }

    /// <summary>The page as it is (nothing was changed), with the reason in the model state.</summary>
    private Task<IActionResult> RefusedAsync(int id, DevelopmentError error)
    {
        ModelState.AddModelError("", t[error.Key, error.Args]);
        return RefusedAsync(id, error.Status);
    }

    private async Task<IActionResult> RefusedAsync(int id, int status)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Response.StatusCode = status;
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
        var documentIds = new[] { ballot.DocumentId, ballot.ResultDocumentId, ballot.CommentsDocumentId, ballot.CommentsCsvDocumentId }.OfType<int>().ToList();
        if (documentIds.Count > 0)
        {
            var audiences = DocumentAccess.Audiences(await DocumentAccess.ReaderAsync(db, User, Committee, HttpContext.RequestAborted));
            var documents = await db.CommitteeDocuments.AsNoTracking().Where(d => documentIds.Contains(d.Id) && audiences.Contains(d.Audience)).ToDictionaryAsync(d => d.Id);
            Documents = new[]
                {
                    ("Draft.Of", ballot.DocumentId), ("Draft.ResultPdf", ballot.ResultDocumentId),
                    ("Draft.CommentsDocx", ballot.CommentsDocumentId), ("Draft.CommentsCsv", ballot.CommentsCsvDocumentId),
                }
                .Where(x => x.Item2 is { } d && documents.ContainsKey(d))
                .Select(x => new DocumentRow(x.Item1, documents[x.Item2!.Value], CommitteeDocuments.Reference(Committee.Reference, documents[x.Item2!.Value].Number)))
                .ToList();
        }
        Comments = await db.BallotComments.CountAsync(c => c.BallotId == id && !c.IsPublic);
        PublicComments = await db.BallotComments.CountAsync(c => c.BallotId == id && c.IsPublic);
        var members = await db.BallotMembers.AsNoTracking().Include(m => m.MemberBody).Where(m => m.BallotId == id).ToListAsync();
        var positions = await db.BallotPositions.AsNoTracking().Where(p => p.BallotId == id).ToDictionaryAsync(p => p.MemberBodyId);
        Responded = positions.Count;
        var bodies = await DevelopmentAccess.DelegateBodiesAsync(db, User, HttpContext.RequestAborted);
        Mine = members.Where(m => bodies.Any(b => b.Id == m.MemberBodyId))
            .Select(m => new Eligible(m.MemberBody!, m.Status, m.Votes, positions.GetValueOrDefault(m.MemberBodyId))).ToList();
        if (ballot.Kind is BallotKind.NP or BallotKind.SR && Mine.Count > 0)
        {
            People = (await ExpertActions.PeopleAsync(db, Mine.Select(m => m.Body.Id).ToList(), HttpContext.RequestAborted)).ToLookup(p => p.MemberBodyId);
        }
        if (ShowPositions)
        {
            // The committee's P-members first, then its O-members, then the other member bodies.
            Positions = members.OrderBy(m => m.Status is null).ThenBy(m => m.Status).ThenBy(m => m.MemberBody!.Acronym)
                .Select(m => new PositionRow(m.MemberBody!, m.Status, m.Votes, positions.GetValueOrDefault(m.MemberBodyId))).ToList();
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
