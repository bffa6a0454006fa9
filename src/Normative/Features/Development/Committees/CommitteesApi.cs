using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;

namespace Normative.Features.Development.Committees;

/// <summary>POST /api/v1/committees and /api/v1/committees/{id}/disband: administrators create and disband committees.</summary>
public static class CommitteesApi
{
    /// <param name="Kind">TC, SC, WG, AG or JWG.</param>
    /// <param name="ParentId">The TC or SC a subcommittee or group belongs to; none for a TC.</param>
    /// <param name="Prefix">A TC's organization, "ISO" when not given.</param>
    /// <param name="JointWith">The other organization of a joint working group.</param>
    public sealed record CreateCommitteeRequest(string Kind, int? ParentId, int Number, string TitleEn, string? TitleFr, string? Scope, string? Prefix, string? JointWith);

    public sealed record CommitteeResponse(int Id, string Reference, string Kind, string TitleEn, string? TitleFr, string? Scope, string Status, int? ParentId, DateOnly? CreationDate);

    public static IEndpointRouteBuilder MapCommitteesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/committees").WithTags("Committees");
        group.MapPost("/", CreateAsync).RequireAuthorization().WithName("CreateCommittee")
            .WithSummary("Creates a TC, SC, WG, AG or JWG; administrators only. 409 for a reference that exists or a structure the Directives do not allow (a subcommittee of a WG).");
        group.MapPost("/{id:int}/disband", DisbandAsync).RequireAuthorization().WithName("DisbandCommittee")
            .WithSummary("Marks a committee disbanded: its records and standards stay, it takes no new project; administrators only.");
        return app;
    }

    private static CommitteeResponse ToResponse(Committee c) =>
        new(c.Id, c.Reference, CommitteeRules.KindOf(c.Reference)?.ToString() ?? "", c.TitleEn, c.TitleFr, c.Scope, c.Status, c.ParentId, c.CreationDate);

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
            ? TypedResults.Created(DevelopmentLinks.WorkProgramme(result.Value!.Id), ToResponse(result.Value))
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
