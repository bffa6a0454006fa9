using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Documents;
using Normative.Features.Shared;

namespace Normative.Features.Development.Projects;

/// <summary>
/// /development/projects/{id}: a project, its stage, target dates and stage history, its ballots.
/// The committee manager moves it to the next stage or opens a ballot here.
/// </summary>
public class DetailsModel(NormativeDb db, DevelopmentMail mail, IOptions<BallotDurations> durations, TimeProvider clock, IStringLocalizer<DevelopmentText> t,
    IStringLocalizer<CatalogueText> stages) : PageModel
{
    /// <summary>The deployment's ballot lengths, for the default closing date.</summary>
    public BallotDurations Durations => durations.Value;

    public sealed record BallotRow(Ballot Ballot, int Responded);

    public Project Project { get; private set; } = null!;
    public Committee Committee { get; private set; } = null!;
    /// <summary>The working group developing it, if the committee named one.</summary>
    public Committee? WorkingGroup { get; private set; }
    public StageHistory History { get; private set; } = null!;
    public List<BallotRow> Ballots { get; private set; } = [];
    /// <summary>The project's drafts in the committee's register that the reader may see, by stage.</summary>
    public List<DraftEntry> Drafts { get; private set; } = [];
    /// <summary>The drafts a ballot offered here may be about (of its type, readable by its voters, not superseded), the latest first.</summary>
    public List<DraftEntry> BallotDrafts { get; private set; } = [];
    /// <summary>The draft types the ballots offered here are about (none when no offered ballot names a draft).</summary>
    public List<DocumentType> BallotDraftTypes { get; private set; } = [];
    /// <summary>The drafts a move offered here may start on (of the next stages' types, not superseded), the latest first.</summary>
    public List<DraftEntry> MoveDrafts { get; private set; } = [];
    /// <summary>Whether the next stages start on drafts of more than one type, so the form offers "the latest of the stage's type" first.</summary>
    public bool MoveDraftsOfSeveralTypes { get; private set; }
    public Deliverable? Deliverable { get; private set; }
    public Deliverable? Replaces { get; private set; }
    public Deliverable? Amends { get; private set; }
    public bool CanManage { get; private set; }
    public bool Overdue { get; private set; }
    public List<int> NextStages { get; private set; } = [];
    public List<BallotKind> BallotKinds { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>The clock's now, for default dates in forms.</summary>
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>The committee manager moves the project to another stage.</summary>
    public sealed class MoveInput
    {
        /// <summary>The stage code, "40.99".</summary>
        public string? Stage { get; set; }

        public string? Note { get; set; }

        /// <summary>On a move to 30.00, 40.00 or 50.00, the N-number of the draft; empty for the latest of the stage's type.</summary>
        public int? Draft { get; set; }
    }

    /// <summary>The committee manager opens a ballot on the project.</summary>
    public sealed class BallotInput
    {
        public string? Kind { get; set; }

        /// <summary>The closing date, yyyy-MM-dd (the ballot closes at noon UTC); empty for the kind's usual duration.</summary>
        public string? ClosesOn { get; set; }

        public bool PublicConsultation { get; set; }

        /// <summary>The N-number of the draft the ballot is about; empty for the project's latest of the kind's type.</summary>
        public int? Draft { get; set; }
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, MoveInput move)
    {
        var (project, refused) = await ManagedProjectAsync(id);
        if (refused is not null)
        {
            return refused;
        }
        if (!StageCodes.TryParse(move.Stage, out var code))
        {
            return await RefusedAsync(id, DevelopmentError.Conflict("Error.Stage.Unknown", StageCodes.Format(project!.Stage), move.Stage ?? ""));
        }
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(id, StatusCodes.Status400BadRequest);
        }
        var result = await ProjectActions.MoveAsync(db, id, code, User.UserId(), move.Note, clock.GetUtcNow(), move.Draft, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return await RefusedAsync(id, result.Error);
        }
        TempData.SetNotice(t["Project.Moved", StageCodes.Format(code), stages[StageCodes.NameKey(code)]]);
        return Redirect(DevelopmentLinks.Project(id));
    }

    public async Task<IActionResult> OnPostOpenBallotAsync(int id, BallotInput ballot)
    {
        if ((await ManagedProjectAsync(id)).Refused is { } refused)
        {
            return refused;
        }
        if (!Enum.TryParse<BallotKind>(ballot.Kind, out var k) || !Enum.IsDefined(k))
        {
            return await RefusedAsync(id, DevelopmentError.Invalid("Error.Ballot.Kind", ballot.Kind ?? ""));
        }
        DateTimeOffset? closes = null;
        if (!string.IsNullOrWhiteSpace(ballot.ClosesOn))
        {
            if (!DateOnly.TryParseExact(ballot.ClosesOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return await RefusedAsync(id, DevelopmentError.Invalid("Error.Ballot.Date", ballot.ClosesOn));
            }
            // Ballots close at noon UTC on the closing date.
            closes = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        }
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(id, StatusCodes.Status400BadRequest);
        }
        var result = await BallotActions.OpenAsync(db, mail, durations.Value, new BallotRequest(id, k, closes, ballot.PublicConsultation, ballot.Draft), User.UserId(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return await RefusedAsync(id, result.Error);
        }
        TempData.SetNotice(t["Notice.BallotOpened", DevelopmentFormat.Time(result.Value.ClosesAt)]);
        return Redirect(DevelopmentLinks.Ballot(result.Value.Id));
    }

    /// <summary>The project, or why the person may not change it (it does not exist, or they do not manage its committee).</summary>
    private async Task<(Project? Project, IActionResult? Refused)> ManagedProjectAsync(int id)
    {
        var project = await db.Projects.AsNoTracking().Include(p => p.Committee).FirstOrDefaultAsync(p => p.Id == id);
        return project is null ? (null, NotFound()) : DevelopmentAccess.Manages(User, project.Committee!) ? (project, null) : (project, Forbid());
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
        var project = await db.Projects.AsNoTracking().Include(p => p.Committee).FirstOrDefaultAsync(p => p.Id == id);
        if (project is null)
        {
            return false;
        }
        Project = project;
        Committee = project.Committee!;
        WorkingGroup = project.WorkingGroupId is { } g ? await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == g) : null;
        Now = clock.GetUtcNow();
        Today = DateOnly.FromDateTime(Now.UtcDateTime);
        CanManage = DevelopmentAccess.Manages(User, Committee);
        History = await StageHistory.LoadAsync(db, project, HttpContext.RequestAborted);
        Overdue = ProjectSchedule.IsOverdue(project.Stage, project.TrackMonths, project.RegisteredOn, Today);
        Ballots = (await db.Ballots.AsNoTracking().Where(b => b.ProjectId == id).OrderByDescending(b => b.OpenedAt)
                .Select(b => new { b, Responded = db.BallotPositions.Count(p => p.BallotId == b.Id) }).ToListAsync())
            .Select(x => new BallotRow(x.b, x.Responded)).ToList();
        var reader = await DocumentAccess.ReaderAsync(db, User, Committee, HttpContext.RequestAborted);
        Drafts = await ProjectDrafts.ListAsync(db, id, Committee.Reference, DocumentAccess.Audiences(reader), HttpContext.RequestAborted);
        Deliverable = project.DeliverableId is { } d ? await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(x => x.Id == d) : null;
        Replaces = project.ReplacesDeliverableId is { } r ? await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(x => x.Id == r) : null;
        Amends = project.BaseDeliverableId is { } a ? await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(x => x.Id == a) : null;
        NextStages = [.. History.Next];
        var open = Ballots.Any(b => b.Ballot.Status == BallotStatus.Open);
        BallotKinds = open ? [] : Enum.GetValues<BallotKind>().Where(k => StageRules.CheckOpen(k, project.Stage) is null).ToList();
        var ballotTypes = BallotKinds.Select(k => (Kind: k, Type: DraftRules.ForBallot(k))).Where(x => x.Type is not null).ToList();
        BallotDraftTypes = ballotTypes.Select(x => x.Type!.Value).Distinct().ToList();
        BallotDrafts = Drafts.Where(d => !d.Superseded && ballotTypes.Any(x => x.Type == d.Document.Type && DraftRules.AudienceFits(x.Kind, false, d.Document.Audience)))
            .OrderByDescending(d => d.Document.Number).ToList();
        var moveTypes = NextStages.Select(DraftRules.ForStage).OfType<DocumentType>().Distinct().ToList();
        MoveDrafts = Drafts.Where(d => !d.Superseded && moveTypes.Contains(d.Document.Type)).OrderByDescending(d => d.Document.Number).ToList();
        MoveDraftsOfSeveralTypes = moveTypes.Count > 1;
        return true;
    }
}
