using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Membership;
using Normative.Features.Shared;

namespace Normative.Features.Development.Committees;

/// <summary>POST /api/v1/committees and /api/v1/committees/{id}/disband: administrators create and disband committees.</summary>
public static class CommitteesApi
{
    /// <param name="Kind">TC, SC, WG, AG or JWG.</param>
    /// <param name="ParentId">The TC or SC a subcommittee or group belongs to; none for a TC.</param>
    /// <param name="Prefix">A TC's organization, "ISO" when not given.</param>
    /// <param name="JointWith">The other organization of a joint working group.</param>
    public sealed record CreateCommitteeRequest(string Kind, int? ParentId, int Number, string TitleEn, string? TitleFr, string? Scope, string? Prefix, string? JointWith);

    /// <param name="Page">The committee's home on the site, /committees/{slug}.</param>
    public sealed record CommitteeResponse(int Id, string Reference, string Kind, string TitleEn, string? TitleFr, string? Scope, string Status, int? ParentId, DateOnly? CreationDate,
        string Slug, string Page);

    /// <param name="MemberBody">The applying body's acronym or country code.</param>
    /// <param name="Status">P or O.</param>
    public sealed record ApplicationRequest(string MemberBody, string Status, string? Note);

    public sealed record ApplicationResponse(int Id, int CommitteeId, string MemberBody, string Status, string State, string? Note, DateTimeOffset AppliedAt, DateTimeOffset? DecidedAt);

    public static IEndpointRouteBuilder MapCommitteesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/committees").WithTags("Committees");
        group.MapPost("/", CreateAsync).RequireAuthorization().WithName("CreateCommittee")
            .WithSummary("Creates a TC, SC, WG, AG or JWG; administrators only. 409 for a reference that exists or a structure the Directives do not allow (a subcommittee of a WG).");
        group.MapPost("/{id:int}/disband", DisbandAsync).RequireAuthorization().WithName("DisbandCommittee")
            .WithSummary("Marks a committee disbanded: its records and standards stay, it takes no new project; administrators only.");
        group.MapPost("/{id:int}/applications", ApplyAsync).RequireAuthorization().WithName("ApplyForMembership")
            .WithSummary("A member body applies to be a P- or O-member; one of its administrators (or an administrator) only. 409 for a P-membership of a correspondent or subscriber member.");
        group.MapPost("/{id:int}/applications/{applicationId:int}/accept", AcceptAsync).RequireAuthorization().WithName("AcceptMembershipApplication")
            .WithSummary("The committee's manager accepts an application: the membership changes and is recorded.");
        group.MapPost("/{id:int}/applications/{applicationId:int}/decline", DeclineAsync).RequireAuthorization().WithName("DeclineMembershipApplication")
            .WithSummary("The committee's manager declines an application.");
        return app;
    }

    private static ApplicationResponse ToResponse(MembershipApplication a, string acronym) =>
        new(a.Id, a.CommitteeId, acronym, a.Status.ToString(), a.State.ToString(), a.Note, a.AppliedAt, a.DecidedAt);

    private static async Task<Results<Created<ApplicationResponse>, ProblemHttpResult>> ApplyAsync(int id, ApplicationRequest request, ClaimsPrincipal user, NormativeDb db,
        TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var body = string.IsNullOrWhiteSpace(request.MemberBody) ? null : await MemberBodies.FindAsync(db, request.MemberBody, ct);
        if (body is null)
        {
            return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Member.Unknown", request.MemberBody ?? ""), t);
        }
        if (!await DevelopmentAccess.ManagesMemberBodyAsync(db, user, body.Id, ct))
        {
            return DevelopmentApi.Forbidden(t, "Error.Application.NotBodyAdministrator");
        }
        if (!Enum.TryParse<MembershipStatus>(request.Status, true, out var status) || !Enum.IsDefined(status))
        {
            return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Application.Status"), t);
        }
        var result = await MembershipApplications.ApplyAsync(db, id, body.Id, status, request.Note, user.UserId(), clock.GetUtcNow(), ct);
        return result.Succeeded
            ? TypedResults.Created(DevelopmentLinks.CommitteeMembers(await db.Committees.Where(c => c.Id == id).Select(c => c.Slug).SingleAsync(ct)), ToResponse(result.Value!, body.Acronym))
            : DevelopmentApi.Problem(result.Error, t);
    }

    private static Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> AcceptAsync(int id, int applicationId, ClaimsPrincipal user, NormativeDb db, TimeProvider clock,
        IStringLocalizer<DevelopmentText> t, CancellationToken ct) => DecideAsync(id, applicationId, true, user, db, clock, t, ct);

    private static Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> DeclineAsync(int id, int applicationId, ClaimsPrincipal user, NormativeDb db, TimeProvider clock,
        IStringLocalizer<DevelopmentText> t, CancellationToken ct) => DecideAsync(id, applicationId, false, user, db, clock, t, ct);

    private static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> DecideAsync(int id, int applicationId, bool accept, ClaimsPrincipal user, NormativeDb db,
        TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        if (!DevelopmentAccess.Manages(user, committee))
        {
            return DevelopmentApi.Forbidden(t);
        }
        var result = await MembershipApplications.DecideAsync(db, id, applicationId, accept, user.UserId(), clock.GetUtcNow(), ct);
        if (!result.Succeeded)
        {
            return DevelopmentApi.Problem(result.Error, t);
        }
        var acronym = await db.MemberBodies.Where(m => m.Id == result.Value!.MemberBodyId).Select(m => m.Acronym).SingleAsync(ct);
        return TypedResults.Ok(ToResponse(result.Value!, acronym));
    }

    private static CommitteeResponse ToResponse(Committee c) =>
        new(c.Id, c.Reference, CommitteeRules.KindOf(c.Reference)?.ToString() ?? "", c.TitleEn, c.TitleFr, c.Scope, c.Status, c.ParentId, c.CreationDate,
            c.Slug, CatalogueLinks.Committee(c.Slug));

    private static async Task<Results<Created<CommitteeResponse>, ProblemHttpResult>> CreateAsync(CreateCommitteeRequest request, ClaimsPrincipal user, NormativeDb db,
        TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        if (!DevelopmentAccess.IsAdministrator(user))
        {
            return DevelopmentApi.Forbidden(t, "Error.NotAdministrator");
        }
        if (!Enum.TryParse<CommitteeKind>(request.Kind, true, out var kind) || !Enum.IsDefined(kind))
        {
            return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Committee.Kind", request.Kind ?? ""), t);
        }
        var result = await CommitteeActions.CreateAsync(db, new CommitteeDraft(kind, request.ParentId, request.Number, request.TitleEn ?? "", request.TitleFr, request.Scope,
            request.Prefix, request.JointWith), clock.GetUtcNow(), ct);
        return result.Succeeded
            ? TypedResults.Created(CatalogueLinks.Committee(result.Value!.Slug), ToResponse(result.Value))
            : DevelopmentApi.Problem(result.Error, t);
    }

    private static async Task<Results<Ok<CommitteeResponse>, ProblemHttpResult>> DisbandAsync(int id, ClaimsPrincipal user, NormativeDb db,
        IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        if (!DevelopmentAccess.IsAdministrator(user))
        {
            return DevelopmentApi.Forbidden(t, "Error.NotAdministrator");
        }
        var result = await CommitteeActions.DisbandAsync(db, id, ct);
        return result.Succeeded ? TypedResults.Ok(ToResponse(result.Value!)) : DevelopmentApi.Problem(result.Error, t);
    }
}
