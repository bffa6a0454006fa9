using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Shared;

namespace Normative.Features.Development.Liaisons;

/// <summary>/api/v1/committees/{id}/liaisons: the organizations and committees in liaison with a committee; its manager establishes and ends them.</summary>
public static class LiaisonsApi
{
    /// <param name="Representatives">Their e-mail addresses, for those who may see the committee's experts; otherwise empty.</param>
    /// <param name="CommitteePage">The other committee's home page (an internal liaison).</param>
    public sealed record LiaisonResponse(int Id, string Category, string? Organization, int? CommitteeId, string? Committee, DateTimeOffset EstablishedAt,
        IReadOnlyList<string> Representatives, string? CommitteePage = null);

    /// <param name="Category">A, B, C or Internal.</param>
    /// <param name="Organization">The organization's name (categories A, B and C).</param>
    /// <param name="Committee">The other committee's reference or id (an internal liaison).</param>
    public sealed record LiaisonRequest(string Category, string? Organization, string? Committee);

    public sealed record RepresentativeRequest(string Email);

    public static IEndpointRouteBuilder MapLiaisonsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/committees").WithTags("Committees");
        group.MapGet("/{id:int}/liaisons", ListAsync).WithName("ListLiaisons")
            .WithSummary("The organizations (category A, B, C) and committees (internal) in liaison with a committee; their representatives for the committee only.");
        group.MapPost("/{id:int}/liaisons", EstablishAsync).RequireAuthorization().WithName("EstablishLiaison")
            .WithSummary("Establishes a liaison; the committee's manager or an administrator. 409 for a disbanded committee, a category the committee's level does not take, or a liaison that exists.");
        group.MapDelete("/{id:int}/liaisons/{liaisonId:int}", EndAsync).RequireAuthorization().WithName("EndLiaison")
            .WithSummary("Ends a liaison; the committee's manager or an administrator.");
        group.MapPost("/{id:int}/liaisons/{liaisonId:int}/representatives", AddRepresentativeAsync).RequireAuthorization().WithName("AddLiaisonRepresentative")
            .WithSummary("Names an account a representative of the liaison: it may comment on the committee's ballots, never vote.");
        return app;
    }

    internal static async Task<List<LiaisonResponse>> LiaisonsAsync(NormativeDb db, int committeeId, bool withRepresentatives, CancellationToken ct)
    {
        var liaisons = await db.CommitteeLiaisons.AsNoTracking().Include(l => l.OtherCommittee).Where(l => l.CommitteeId == committeeId)
            .OrderBy(l => l.Category).ThenBy(l => l.Organization).ToListAsync(ct);
        var ids = liaisons.Select(l => l.Id).ToList();
        var representatives = withRepresentatives
            ? (await (from r in db.LiaisonRepresentatives
                      join u in db.Users on r.UserId equals u.Id
                      where ids.Contains(r.LiaisonId)
                      orderby u.Email
                      select new { r.LiaisonId, u.Email }).ToListAsync(ct)).ToLookup(r => r.LiaisonId, r => r.Email!)
            : Enumerable.Empty<string>().ToLookup(_ => 0);
        return liaisons.Select(l => new LiaisonResponse(l.Id, l.Category.ToString(), l.Organization, l.OtherCommitteeId, l.OtherCommittee?.Reference, l.EstablishedAt,
            representatives[l.Id].ToList(), l.OtherCommittee is { } c ? CatalogueLinks.Committee(c.Slug) : null)).ToList();
    }

    private static async Task<Results<Ok<List<LiaisonResponse>>, ProblemHttpResult>> ListAsync(int id, ClaimsPrincipal user, NormativeDb db, IStringLocalizer<DevelopmentText> t,
        CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        return TypedResults.Ok(await LiaisonsAsync(db, id, await DevelopmentAccess.MaySeeExpertsAsync(db, user, committee, ct), ct));
    }

    private static async Task<ProblemHttpResult?> RefuseAsync(int id, ClaimsPrincipal user, NormativeDb db, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return committee is null ? DevelopmentApi.NotFound(t) : !DevelopmentAccess.Manages(user, committee) ? DevelopmentApi.Forbidden(t) : null;
    }

    private static async Task<Results<Created<LiaisonResponse>, ProblemHttpResult>> EstablishAsync(int id, LiaisonRequest request, ClaimsPrincipal user, NormativeDb db,
        TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        if (await RefuseAsync(id, user, db, t, ct) is { } refused)
        {
            return refused;
        }
        if (!Enum.TryParse<LiaisonCategory>(request.Category, true, out var category) || !Enum.IsDefined(category))
        {
            return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Liaison.Category"), t);
        }
        var result = await LiaisonActions.EstablishAsync(db, id, category, request.Organization, request.Committee, user.UserId(), clock.GetUtcNow(), ct);
        if (!result.Succeeded)
        {
            return DevelopmentApi.Problem(result.Error, t);
        }
        var l = result.Value;
        var other = l.OtherCommitteeId is { } o ? await db.Committees.Where(c => c.Id == o).Select(c => new { c.Reference, c.Slug }).FirstOrDefaultAsync(ct) : null;
        return TypedResults.Created(DevelopmentLinks.ApiCommitteeLiaisons(id), new LiaisonResponse(l.Id, l.Category.ToString(), l.Organization, l.OtherCommitteeId, other?.Reference, l.EstablishedAt, [],
            other is null ? null : CatalogueLinks.Committee(other.Slug)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EndAsync(int id, int liaisonId, ClaimsPrincipal user, NormativeDb db, IStringLocalizer<DevelopmentText> t,
        CancellationToken ct)
    {
        if (await RefuseAsync(id, user, db, t, ct) is { } refused)
        {
            return refused;
        }
        var result = await LiaisonActions.EndAsync(db, id, liaisonId, ct);
        return result.Succeeded ? TypedResults.NoContent() : DevelopmentApi.Problem(result.Error, t);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AddRepresentativeAsync(int id, int liaisonId, RepresentativeRequest request, ClaimsPrincipal user,
        NormativeDb db, TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        if (await RefuseAsync(id, user, db, t, ct) is { } refused)
        {
            return refused;
        }
        var result = await LiaisonActions.AddRepresentativeAsync(db, id, liaisonId, request.Email, clock.GetUtcNow(), ct);
        return result.Succeeded ? TypedResults.NoContent() : DevelopmentApi.Problem(result.Error, t);
    }
}
