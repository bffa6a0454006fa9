using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Development.Projects;

/// <summary>/api/v1/projects and /api/v1/projects/{id}/stages.</summary>
public static class ProjectsApi
{
    public sealed record ProjectResponse(
        int Id, string Reference, string CurrentReference, string Title, string? TitleFr, int CommitteeId, string Committee,
        string DeliverableType, string? Supplement, int TrackMonths, string? Leader, string Stage, string StageName, DateTimeOffset StageAt,
        DateOnly? RegisteredOn, DateOnly? NextTarget, bool Overdue, int? DeliverableId, DateOnly? PublishedOn, DateOnly? ReviewDue, string Url);

    public sealed record StageEventResponse(string? From, string To, string Name, DateTimeOffset At, string? By, string? Note, int? BallotId);

    public sealed record TargetResponse(string Stage, string Name, DateOnly Target, bool Reached);

    public sealed record StagesResponse(int ProjectId, string Stage, string StageName, IReadOnlyList<StageEventResponse> Events,
        IReadOnlyList<TargetResponse> Targets, IReadOnlyList<string> Next);

    public sealed record CreateProjectRequest(int CommitteeId, string Reference, string Title, string? TitleFr, string? Scope, int? TrackMonths,
        string? Leader, string? StartStage, string? Replaces, int? WorkingGroupId = null);

    /// <param name="Draft">On a move to 30.00, 40.00 or 50.00: the N-number of the draft in the committee's register; without it, the project's latest draft of the stage's type.</param>
    public sealed record MoveRequest(string Stage, string? Note, int? Draft = null);

    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/projects").WithTags("Projects");
        group.MapGet("/", ListAsync).WithName("ListProjects").WithSummary("Projects (work items), with their stage and whether they are overdue against their track.");
        group.MapPost("/", CreateAsync).RequireAuthorization().WithName("CreateProject").WithSummary("Registers a project in a committee's work programme; the committee's manager only.")
            .WithBodyExample("""{"committeeId": 53882, "reference": "ISO 9010", "title": "Quality management — Guidance for small organizations", "trackMonths": 36, "leader": "DIN"}""");
        group.MapGet("/{id:int}", GetAsync).WithName("GetProject").WithSummary("A project.");
        group.MapGet("/{id:int}/stages", GetStagesAsync).WithName("GetProjectStages").WithSummary("A project's stage history, target dates and the stages it may move to.");
        group.MapPost("/{id:int}/stages", MoveAsync).RequireAuthorization().WithName("MoveProject")
            .WithSummary("Moves a project to another stage; only the Directives' transitions are allowed (409 otherwise).");
        return app;
    }

    private static ProjectResponse ToResponse(Project p, string committee, IStringLocalizer<CatalogueText> stages, DateOnly today)
    {
        var targets = ProjectSchedule.Targets(p.TrackMonths, p.RegisteredOn);
        return new ProjectResponse(p.Id, p.Reference, ProjectReference.Current(p), p.TitleEn, p.TitleFr, p.CommitteeId, committee,
            p.DeliverableType.ToString(), p.SupplementKind?.ToString(), p.TrackMonths, p.Leader, StageCodes.Format(p.Stage), stages[StageCodes.NameKey(p.Stage)],
            p.StageAt, p.RegisteredOn, ProjectSchedule.Next(p.Stage, targets)?.Target, ProjectSchedule.IsOverdue(p.Stage, p.TrackMonths, p.RegisteredOn, today),
            p.DeliverableId, p.PublishedOn, p.ReviewDue, DevelopmentLinks.Project(p.Id));
    }

    private static async Task<Results<Ok<List<ProjectResponse>>, ProblemHttpResult>> ListAsync(NormativeDb db, TimeProvider clock, IStringLocalizer<DevelopmentText> t,
        IStringLocalizer<CatalogueText> stages, int? committee, string? stage, bool? overdue, CancellationToken ct)
    {
        var query = db.Projects.AsNoTracking().Include(p => p.Committee).AsQueryable();
        if (committee is { } c)
        {
            query = query.Where(p => p.CommitteeId == c);
        }
        if (!string.IsNullOrWhiteSpace(stage))
        {
            if (!StageCodes.TryParse(stage, out var code))
            {
                return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Stage.Filter", stage), t);
            }
            query = query.Where(p => p.Stage == code);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var list = (await query.OrderBy(p => p.Committee!.Reference).ThenBy(p => p.Reference).Take(5000).ToListAsync(ct))
            .Select(p => ToResponse(p, p.Committee!.Reference, stages, today));
        // Overdue is the track's schedule (ProjectSchedule) against today, a rule the database does not hold.
        if (overdue is { } o)
        {
            list = list.Where(p => p.Overdue == o);
        }
        return TypedResults.Ok(list.ToList());
    }

    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> GetAsync(int id, NormativeDb db, TimeProvider clock, IStringLocalizer<DevelopmentText> t, IStringLocalizer<CatalogueText> stages, CancellationToken ct)
    {
        var p = await db.Projects.AsNoTracking().Include(x => x.Committee).FirstOrDefaultAsync(x => x.Id == id, ct);
        return p is null ? DevelopmentApi.NotFound(t) : TypedResults.Ok(ToResponse(p, p.Committee!.Reference, stages, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }

    private static async Task<Results<Created<ProjectResponse>, ProblemHttpResult>> CreateAsync(CreateProjectRequest request, ClaimsPrincipal user, NormativeDb db,
        TimeProvider clock, IStringLocalizer<DevelopmentText> t, IStringLocalizer<CatalogueText> stages, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CommitteeId, ct);
        if (committee is null)
        {
            return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Project.Committee"), t);
        }
        if (!DevelopmentAccess.Manages(user, committee))
        {
            return DevelopmentApi.Forbidden(t);
        }
        var start = StageCodes.ProposalRegistered;
        if (!string.IsNullOrWhiteSpace(request.StartStage) && !StageCodes.TryParse(request.StartStage, out start))
        {
            return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Stage.Unknown", request.StartStage, request.StartStage), t);
        }
        var now = clock.GetUtcNow();
        var result = await ProjectActions.CreateAsync(db, new ProjectDraft(committee.Id, request.Reference ?? "", request.Title ?? "", request.TitleFr, request.Scope,
            request.TrackMonths ?? 36, request.Leader, start, request.Replaces, request.WorkingGroupId), user.UserId(), now, ct);
        if (!result.Succeeded)
        {
            return DevelopmentApi.Problem(result.Error, t);
        }
        var response = ToResponse(result.Value, committee.Reference, stages, DateOnly.FromDateTime(now.UtcDateTime));
        return TypedResults.Created(DevelopmentLinks.ApiProject(response.Id), response);
    }

    private static async Task<Results<Ok<StagesResponse>, ProblemHttpResult>> GetStagesAsync(int id, NormativeDb db, IStringLocalizer<DevelopmentText> t, IStringLocalizer<CatalogueText> stages, CancellationToken ct)
    {
        var p = await db.Projects.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        return TypedResults.Ok(await StagesAsync(db, p, stages, ct));
    }

    private static async Task<StagesResponse> StagesAsync(NormativeDb db, Project p, IStringLocalizer<CatalogueText> stages, CancellationToken ct)
    {
        var history = await StageHistory.LoadAsync(db, p, ct);
        return new StagesResponse(p.Id, StageCodes.Format(p.Stage), stages[StageCodes.NameKey(p.Stage)],
            history.Events.Select(e => new StageEventResponse(e.From is { } f ? StageCodes.Format(f) : null, StageCodes.Format(e.To), stages[StageCodes.NameKey(e.To)],
                e.At, e.By, e.Note, e.BallotId)).ToList(),
            history.Targets.Select(m => new TargetResponse(StageCodes.Format(m.Stage), stages[StageCodes.NameKey(m.Stage)], m.Date, m.Reached)).ToList(),
            history.Next.Select(StageCodes.Format).ToList());
    }

    private static async Task<Results<Ok<StagesResponse>, ProblemHttpResult>> MoveAsync(int id, MoveRequest request, ClaimsPrincipal user, NormativeDb db,
        TimeProvider clock, IStringLocalizer<DevelopmentText> t, IStringLocalizer<CatalogueText> stages, CancellationToken ct)
    {
        var p = await db.Projects.AsNoTracking().Include(x => x.Committee).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        if (!DevelopmentAccess.Manages(user, p.Committee!))
        {
            return DevelopmentApi.Forbidden(t);
        }
        if (!StageCodes.TryParse(request.Stage, out var stage))
        {
            return DevelopmentApi.Problem(DevelopmentError.Conflict("Error.Stage.Unknown", StageCodes.Format(p.Stage), request.Stage ?? ""), t);
        }
        var result = await ProjectActions.MoveAsync(db, id, stage, user.UserId(), request.Note, clock.GetUtcNow(), request.Draft, ct);
        if (!result.Succeeded)
        {
            return DevelopmentApi.Problem(result.Error, t);
        }
        return TypedResults.Ok(await StagesAsync(db, result.Value, stages, ct));
    }
}
