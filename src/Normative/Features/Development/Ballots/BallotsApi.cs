using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Comments;
using Normative.Features.Development.Documents;
using Normative.Features.Development.Projects;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Development.Ballots;

/// <summary>/api/v1/ballots: open, vote (a delegate, for the member body), close, result, compiled comments.</summary>
public static class BallotsApi
{
    public sealed record BallotResponse(int Id, int ProjectId, string Reference, string Title, int CommitteeId, string Committee, string Kind, string Status,
        DateTimeOffset OpenedAt, DateTimeOffset ClosesAt, DateTimeOffset? ClosedAt, bool PublicConsultation, int PMembers, int Responded,
        string? Outcome, string? Decision, string? DecisionNote, string Url);

    /// <param name="Draft">The N-number of the draft the ballot is about, in the committee's register; without it, the project's latest draft of the kind's type (CD, DIS, FDIS).</param>
    public sealed record OpenBallotRequest(int ProjectId, string Kind, DateTimeOffset? ClosesAt, bool? PublicConsultation, int? Draft = null);

    /// <param name="Position">approve, disapprove, abstain; on a systematic review confirm, revise, withdraw, abstain.</param>
    /// <param name="MemberBody">The body's acronym or country code; needed only by a delegate of several bodies on the ballot.</param>
    /// <param name="ExpertEmail">On an NP that nominates an expert: the person's address (required); their name may be left out when it is one of the body's registered people.</param>
    public sealed record VoteBody(string Position, string? MemberBody, string? TechnicalReasons, bool? NominatesExpert, string? ExpertName, string? ExpertEmail = null);

    public sealed record VoteResponse(int BallotId, string MemberBody, string Position, bool Replaced, bool Counted, DateTimeOffset CastAt);

    /// <param name="Membership">P or O: the body's place in the committee when the ballot opened; null for a member body outside the committee.</param>
    /// <param name="InPMembersCount">Counted in the P-members' deciding count (two thirds on a DIS or FDIS, a majority otherwise).</param>
    /// <param name="InAllVotesCount">Counted among all votes cast (the one-quarter criterion of a DIS or FDIS).</param>
    /// <param name="Counting">Why the vote counts where it does, in words.</param>
    public sealed record PositionResponse(string MemberBody, string? Membership, string Position, bool TechnicalReasons, bool NominatesExpert, DateTimeOffset CastAt, int Changes,
        bool InPMembersCount, bool InAllVotesCount, string Counting);

    public sealed record CriterionResponse(string Criterion, int Count, int Of, string Threshold, bool Met);

    public sealed record ResultResponse(int BallotId, string Kind, string Status, bool Final, string Outcome, string OutcomeText, string? Decision, string? DecisionNote,
        string Rule, int PMembers, int Responded, int NotVoted, int Approve, int Disapprove, int DisapproveWithoutReasons, int Abstain,
        int Confirm, int Revise, int Withdraw, int Experts, int ExpertsRequired, IReadOnlyList<CriterionResponse> Criteria);

    public sealed record DecisionRequest(string Decision, string Note);

    public static IEndpointRouteBuilder MapBallotsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/ballots").WithTags("Ballots");
        group.MapGet("/", ListAsync).WithName("ListBallots").WithSummary("Ballots, open or closed, by committee.");
        group.MapPost("/", OpenAsync).RequireAuthorization().WithName("OpenBallot").WithSummary("Opens a ballot on a project at the right stage; the committee's manager only.")
            .WithBodyExample("""{"projectId": 1, "kind": "DIS", "closesAt": "2027-03-01T12:00:00Z", "publicConsultation": true}""");
        group.MapGet("/{id:int}", GetAsync).WithName("GetBallot").WithSummary("A ballot and its participation so far.");
        group.MapGet("/{id:int}/votes", GetVotesAsync).WithName("GetBallotVotes")
            .WithSummary("The member bodies' current positions: to the committee's manager while open, to everyone after the close.");
        group.MapPost("/{id:int}/votes", CastAsync).RequireAuthorization().WithName("CastVote")
            .WithSummary("A delegate casts (or changes) the member body's position; one position per body, locked at the close.")
            .WithBodyExample("""{"position": "disapprove", "memberBody": "DIN", "technicalReasons": "Clause 5.2 conflicts with ISO 19011.", "nominatesExpert": false}""");
        group.MapPost("/{id:int}/close", CloseAsync).RequireAuthorization().WithName("CloseBallot")
            .WithSummary("Closes the ballot, computes the outcome and moves the project; the committee's manager only.");
        group.MapPost("/{id:int}/decision", DecideAsync).RequireAuthorization().WithName("DecideBallot")
            .WithSummary("The committee manager's decision on a systematic review left undecided (a tie), with its reason.");
        group.MapGet("/{id:int}/result", GetResultAsync).WithName("GetBallotResult")
            .WithSummary("Counts, the rule applied and the outcome: public once closed, provisional for the committee's manager before.");
        group.MapGet("/{id:int}/comments.csv", GetCommentsCsvAsync).RequireAuthorization().WithName("GetBallotCommentsCsv")
            .WithSummary("The compiled comments in clause order (the member bodies', or with public=true the public consultation's).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    private static async Task<BallotResponse> ToResponseAsync(NormativeDb db, Ballot b, Project p, Committee c, CancellationToken ct) =>
        ToResponse(b, p, c, await db.BallotPositions.CountAsync(x => x.BallotId == b.Id, ct));

    private static BallotResponse ToResponse(Ballot b, Project p, Committee c, int responded)
    {
        return new BallotResponse(b.Id, p.Id, ProjectReference.ForBallot(p, b.Kind), p.TitleEn, c.Id, c.Reference,
            b.Kind.ToString(), b.Status.ToString(), b.OpenedAt, b.ClosesAt, b.ClosedAt, b.PublicConsultation, b.PMembers, responded,
            b.Outcome?.ToString(), b.Decision?.ToString(), b.DecisionNote, DevelopmentLinks.Ballot(b.Id));
    }

    private static async Task<Results<Ok<List<BallotResponse>>, ProblemHttpResult>> ListAsync(NormativeDb db, IStringLocalizer<DevelopmentText> t, string? status, int? committee, CancellationToken ct)
    {
        var query = db.Ballots.AsNoTracking().Include(b => b.Project).AsQueryable();
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<BallotStatus>(status, true, out var s) || !Enum.IsDefined(s))
            {
                return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Ballot.StatusFilter", status, string.Join(", ", Enum.GetNames<BallotStatus>())), t);
            }
            query = query.Where(b => b.Status == s);
        }
        if (committee is { } c)
        {
            query = query.Where(b => b.CommitteeId == c);
        }
        var rows = await query.OrderByDescending(b => b.Status == BallotStatus.Open).ThenBy(b => b.ClosesAt).Take(1000)
            .Select(b => new { Ballot = b, Committee = db.Committees.First(x => x.Id == b.CommitteeId), Responded = db.BallotPositions.Count(x => x.BallotId == b.Id) })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => ToResponse(r.Ballot, r.Ballot.Project!, r.Committee, r.Responded)).ToList());
    }

    private static async Task<Results<Ok<BallotResponse>, ProblemHttpResult>> GetAsync(int id, NormativeDb db, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var (ballot, project, committee) = await LoadAsync(db, id, ct);
        return ballot is null ? DevelopmentApi.NotFound(t) : TypedResults.Ok(await ToResponseAsync(db, ballot, project!, committee!, ct));
    }

    private static async Task<Results<Created<BallotResponse>, ProblemHttpResult>> OpenAsync(OpenBallotRequest request, ClaimsPrincipal user, NormativeDb db,
        DevelopmentMail mail, IOptions<BallotDurations> durations, TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().Include(p => p.Committee).FirstOrDefaultAsync(p => p.Id == request.ProjectId, ct);
        if (project is null)
        {
            return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Ballot.Project"), t);
        }
        if (!DevelopmentAccess.Manages(user, project.Committee!))
        {
            return DevelopmentApi.Forbidden(t);
        }
        if (!Enum.TryParse<BallotKind>(request.Kind, true, out var kind) || !Enum.IsDefined(kind))
        {
            return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Ballot.Kind", request.Kind ?? ""), t);
        }
        var result = await BallotActions.OpenAsync(db, mail, durations.Value, new BallotRequest(project.Id, kind, request.ClosesAt, request.PublicConsultation ?? false, request.Draft),
            user.UserId(), clock.GetUtcNow(), ct);
        if (!result.Succeeded)
        {
            return DevelopmentApi.Problem(result.Error, t);
        }
        var response = await ToResponseAsync(db, result.Value, project, project.Committee!, ct);
        return TypedResults.Created(DevelopmentLinks.ApiBallot(response.Id), response);
    }

    private static async Task<Results<Ok<List<PositionResponse>>, ProblemHttpResult>> GetVotesAsync(int id, ClaimsPrincipal user, NormativeDb db,
        IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var (ballot, _, committee) = await LoadAsync(db, id, ct);
        if (ballot is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        if (ballot.Status == BallotStatus.Open && !DevelopmentAccess.Manages(user, committee!))
        {
            return DevelopmentApi.Problem(DevelopmentError.Forbidden("Error.Result.NotYet"), t);
        }
        return TypedResults.Ok((await BallotActions.PositionsAsync(db, ballot, ct))
            .Select(p => new PositionResponse(p.Body.Acronym, p.Status?.ToString(), p.Position.Position.ToString(), p.Position.TechnicalReasons is not null,
                p.Position.NominatesExpert, p.Position.CastAt, p.Position.Changes, p.Counting.InPMembersCount, p.Counting.InAllVotesCount, t[p.Counting.NoteKey]))
            .ToList());
    }

    private static async Task<Results<Ok<VoteResponse>, ProblemHttpResult>> CastAsync(int id, VoteBody body, ClaimsPrincipal user, NormativeDb db, TimeProvider clock,
        IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        if (!Enum.TryParse<VotePosition>(body.Position, true, out var position) || !Enum.IsDefined(position))
        {
            return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Vote.Position", body.Position ?? "", ""), t);
        }
        var bodies = await DevelopmentAccess.DelegateBodiesAsync(db, user, ct);
        var result = await BallotActions.CastAsync(db, id, user.UserId()!, bodies,
            new VoteRequest(position, body.MemberBody, body.TechnicalReasons, body.NominatesExpert ?? false, body.ExpertName, body.ExpertEmail), clock.GetUtcNow(), ct);
        if (!result.Succeeded)
        {
            return DevelopmentApi.Problem(result.Error, t);
        }
        var v = result.Value;
        var counted = v.Position.Position != VotePosition.Disapprove || v.Position.TechnicalReasons is not null;
        return TypedResults.Ok(new VoteResponse(id, v.MemberBody.Acronym, v.Position.Position.ToString(), v.Replaced, counted, v.Position.CastAt));
    }

    private static async Task<Results<Ok<BallotResponse>, ProblemHttpResult>> CloseAsync(int id, ClaimsPrincipal user, NormativeDb db, DevelopmentMail mail, BallotDocuments documents,
        TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var (ballot, _, committee) = await LoadAsync(db, id, ct);
        if (ballot is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        if (!DevelopmentAccess.Manages(user, committee!))
        {
            return DevelopmentApi.Forbidden(t);
        }
        var result = await BallotActions.CloseAsync(db, mail, id, user.UserId(), clock.GetUtcNow(), documents, ct);
        if (!result.Succeeded)
        {
            return DevelopmentApi.Problem(result.Error, t);
        }
        var (closed, project, c) = await LoadAsync(db, id, ct);
        return TypedResults.Ok(await ToResponseAsync(db, closed!, project!, c!, ct));
    }

    private static async Task<Results<Ok<BallotResponse>, ProblemHttpResult>> DecideAsync(int id, DecisionRequest request, ClaimsPrincipal user, NormativeDb db,
        TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var (ballot, _, committee) = await LoadAsync(db, id, ct);
        if (ballot is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        if (!DevelopmentAccess.Manages(user, committee!))
        {
            return DevelopmentApi.Forbidden(t);
        }
        if (!Enum.TryParse<BallotOutcome>(request.Decision, true, out var decision))
        {
            return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Decision.Option"), t);
        }
        var result = await BallotActions.DecideAsync(db, id, user.UserId(), decision, request.Note, clock.GetUtcNow(), ct);
        if (!result.Succeeded)
        {
            return DevelopmentApi.Problem(result.Error, t);
        }
        var (decided, project, c) = await LoadAsync(db, id, ct);
        return TypedResults.Ok(await ToResponseAsync(db, decided!, project!, c!, ct));
    }

    private static async Task<Results<Ok<ResultResponse>, ProblemHttpResult>> GetResultAsync(int id, ClaimsPrincipal user, NormativeDb db,
        IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var (ballot, _, committee) = await LoadAsync(db, id, ct);
        if (ballot is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        if (ballot.Status == BallotStatus.Open && !DevelopmentAccess.Manages(user, committee!))
        {
            return DevelopmentApi.Problem(DevelopmentError.Conflict("Error.Result.NotYet"), t);
        }
        var tally = await BallotActions.TallyAsync(db, ballot, ct);
        var outcome = ballot.Outcome ?? tally.Outcome;
        return TypedResults.Ok(new ResultResponse(ballot.Id, ballot.Kind.ToString(), ballot.Status.ToString(), ballot.Status == BallotStatus.Closed,
            outcome.ToString(), t["Outcome." + outcome], ballot.Decision?.ToString(), ballot.DecisionNote, t[tally.RuleKey], tally.PMembers, tally.Responded, tally.NotVoted,
            tally.Approve, tally.Disapprove, tally.DisapproveWithoutReasons, tally.Abstain, tally.Confirm, tally.Revise, tally.Withdraw, tally.Experts, tally.ExpertsRequired,
            tally.Criteria.Select(c => new CriterionResponse(t[c.Key], c.Count, c.Of, c.Threshold, c.Met)).ToList()));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCommentsCsvAsync(int id, bool? @public, ClaimsPrincipal user, NormativeDb db,
        IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var (ballot, project, committee) = await LoadAsync(db, id, ct);
        if (ballot is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        if (!await DevelopmentAccess.MayReadCommentsAsync(db, user, ballot, committee!, ct))
        {
            return DevelopmentApi.Forbidden(t, "Error.Comment.NotReader");
        }
        var comments = await CommentActions.CompiledAsync(db, id, @public ?? false, ct: ct);
        var bytes = CommentTables.Csv(CommentTables.Headings(t), comments, t["Comments.PublicLabel"]);
        return TypedResults.File(bytes, "text/csv; charset=utf-8", CommentTables.FileName(project!, ballot, @public ?? false, "csv"));
    }

    private static async Task<(Ballot? Ballot, Project? Project, Committee? Committee)> LoadAsync(NormativeDb db, int id, CancellationToken ct)
    {
        var ballot = await db.Ballots.AsNoTracking().Include(b => b.Project).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (ballot is null)
        {
            return (null, null, null);
        }
        var committee = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == ballot.CommitteeId, ct);
        return (ballot, ballot.Project, committee);
    }
}
