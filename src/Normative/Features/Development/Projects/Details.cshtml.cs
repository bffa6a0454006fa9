using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Ballots;
using Normative.Features.Shared;

namespace Normative.Features.Development.Projects;

/// <summary>
/// /development/projects/{id}: a project, its stage, target dates and stage history, its ballots.
/// The committee manager moves it to the next stage or opens a ballot here.
/// </summary>
public class DetailsModel(NormativeDb db, DevelopmentMail mail, TimeProvider clock, IStringLocalizer<DevelopmentText> t, IStringLocalizer<CatalogueText> stages) : PageModel
{
    public sealed record BallotRow(Ballot Ballot, int Responded);

    public Project Project { get; private set; } = null!;
    public Committee Committee { get; private set; } = null!;
    public StageHistory History { get; private set; } = null!;
    public List<BallotRow> Ballots { get; private set; } = [];
    public Deliverable? Deliverable { get; private set; }
    public Deliverable? Replaces { get; private set; }
    public Deliverable? Amends { get; private set; }
    public bool CanManage { get; private set; }
    public bool Overdue { get; private set; }
    public List<int> NextStages { get; private set; } = [];
    public List<BallotKind> BallotKinds { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>The clock's now, for default dates in forms.</summary>
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int id, string? stage, string? note)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!CanManage)
        {
            return Forbid();
        }
        if (!StageCodes.TryParse(stage, out var code))
        {
            return Refuse(DevelopmentError.Conflict("Error.Stage.Unknown", StageCodes.Format(Project.Stage), stage ?? ""));
        }
        var result = await ProjectActions.MoveAsync(db, id, code, User.UserId(), note, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return Refuse(result.Error);
        }
        Message = t["Project.Moved", StageCodes.Format(code), stages[StageCodes.NameKey(code)]];
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostOpenBallotAsync(int id, string? kind, string? closesOn, bool publicConsultation)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!CanManage)
        {
            return Forbid();
        }
        if (!Enum.TryParse<BallotKind>(kind, out var k) || !Enum.IsDefined(k))
        {
            return Refuse(DevelopmentError.Invalid("Error.Ballot.Kind", kind ?? ""));
        }
        DateTimeOffset? closes = null;
        if (!string.IsNullOrWhiteSpace(closesOn))
        {
            if (!DateOnly.TryParseExact(closesOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Refuse(DevelopmentError.Invalid("Error.Ballot.Date", closesOn));
            }
            // Ballots close at noon UTC on the closing date.
            closes = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        }
        var result = await BallotActions.OpenAsync(db, mail, new BallotRequest(id, k, closes, publicConsultation), User.UserId(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return Refuse(result.Error);
        }
        return Redirect(DevelopmentLinks.Ballot(result.Value.Id));
    }

    private PageResult Refuse(DevelopmentError error)
    {
        Error = t[error.Key, error.Args];
        Response.StatusCode = error.Status;
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
        Now = clock.GetUtcNow();
        Today = DateOnly.FromDateTime(Now.UtcDateTime);
        CanManage = DevelopmentAccess.Manages(User, Committee);
        History = await StageHistory.LoadAsync(db, project, HttpContext.RequestAborted);
        Overdue = ProjectSchedule.IsOverdue(project.Stage, project.TrackMonths, project.RegisteredOn, Today);
        Ballots = (await db.Ballots.AsNoTracking().Where(b => b.ProjectId == id).OrderByDescending(b => b.OpenedAt)
                .Select(b => new { b, Responded = db.BallotPositions.Count(p => p.BallotId == b.Id) }).ToListAsync())
            .Select(x => new BallotRow(x.b, x.Responded)).ToList();
        Deliverable = project.DeliverableId is { } d ? await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(x => x.Id == d) : null;
        Replaces = project.ReplacesDeliverableId is { } r ? await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(x => x.Id == r) : null;
        Amends = project.BaseDeliverableId is { } a ? await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(x => x.Id == a) : null;
        NextStages = [.. History.Next];
        var open = Ballots.Any(b => b.Ballot.Status == BallotStatus.Open);
        BallotKinds = open ? [] : Enum.GetValues<BallotKind>().Where(k => StageRules.CheckOpen(k, project.Stage) is null).ToList();
        return true;
    }
}
