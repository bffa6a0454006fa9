using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Development.Membership;
using Normative.Features.Shared;

namespace Normative.Features.Development.Experts;

/// <summary>/api/v1/committees/{id}/experts and /convener: a committee's experts, for the committee only; nominations by member bodies and liaisons.</summary>
public static class ExpertsApi
{
    public sealed record ExpertResponse(int Id, string Name, string Email, bool HasAccount, string? MemberBody, int? LiaisonId, string? Liaison, DateTimeOffset NominatedAt, string Url);

    public sealed record ExpertsResponse(int CommitteeId, string Committee, string? Convener, IReadOnlyList<ExpertResponse> Experts);

    /// <param name="MemberBody">The nominating P-member body's acronym or country code; or give LiaisonId.</param>
    /// <param name="LiaisonId">The nominating category A or C liaison organization; or give MemberBody.</param>
    public sealed record NominationRequest(string Name, string Email, string? MemberBody, int? LiaisonId);

    /// <param name="Email">The convener's account; empty for none.</param>
    public sealed record ConvenerRequest(string? Email);

    public static IEndpointRouteBuilder MapExpertsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/committees").WithTags("Committees");
        group.MapGet("/{id:int}/experts", ListAsync).RequireAuthorization().WithName("ListCommitteeExperts")
            .WithSummary("A committee's convener and experts: personal data, for the committee's managers, members, experts and liaisons and administrators only.");
        group.MapPost("/{id:int}/experts", NominateAsync).RequireAuthorization().WithName("NominateExpert")
            .WithSummary("Nominates an expert: a P-member body's administrators, or a category A or C liaison's representatives. 409 when the person is already an expert of the committee.");
        group.MapDelete("/{id:int}/experts/{expertId:int}", WithdrawAsync).RequireAuthorization().WithName("WithdrawExpert")
            .WithSummary("Withdraws an expert: the nominating body's administrators or liaison's representatives, the committee's manager, administrators.");
        group.MapPut("/{id:int}/convener", AppointConvenerAsync).RequireAuthorization().WithName("AppointConvener")
            .WithSummary("Appoints a working group's convener; the parent committee's manager or an administrator.");
        return app;
    }

    internal static async Task<List<ExpertResponse>> ExpertsAsync(NormativeDb db, int committeeId, CancellationToken ct) =>
        (await db.CommitteeExperts.AsNoTracking().Include(e => e.MemberBody).Include(e => e.Liaison).ThenInclude(l => l!.OtherCommittee)
            .Where(e => e.CommitteeId == committeeId).OrderBy(e => e.Name).ToListAsync(ct))
        .Select(ToResponse).ToList();

    private static ExpertResponse ToResponse(CommitteeExpert e) =>
        new(e.Id, e.Name, e.Email, e.UserId is not null, e.MemberBody?.Acronym, e.LiaisonId, e.Liaison?.Organization ?? e.Liaison?.OtherCommittee?.Reference, e.NominatedAt,
            DevelopmentLinks.Expert(e.Id));

    private static async Task<Results<Ok<ExpertsResponse>, ProblemHttpResult>> ListAsync(int id, ClaimsPrincipal user, NormativeDb db, IStringLocalizer<DevelopmentText> t,
        CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        if (!await DevelopmentAccess.MaySeeExpertsAsync(db, user, committee, ct))
        {
            return DevelopmentApi.Forbidden(t, "Error.Expert.Private");
        }
        var convener = committee.ConvenerUserId is { } c ? await db.Users.Where(u => u.Id == c).Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync(ct) : null;
        return TypedResults.Ok(new ExpertsResponse(committee.Id, committee.Reference, convener, await ExpertsAsync(db, id, ct)));
    }

    private static async Task<Results<Created<ExpertResponse>, ProblemHttpResult>> NominateAsync(int id, NominationRequest request, ClaimsPrincipal user, NormativeDb db,
        TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        int? bodyId = null;
        if (!string.IsNullOrWhiteSpace(request.MemberBody))
        {
            var body = await MemberBodies.FindAsync(db, request.MemberBody, ct);
            if (body is null)
            {
                return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Member.Unknown", request.MemberBody), t);
            }
            if (!await DevelopmentAccess.ManagesMemberBodyAsync(db, user, body.Id, ct))
            {
                return DevelopmentApi.Forbidden(t, "Error.Application.NotBodyAdministrator");
            }
            bodyId = body.Id;
        }
        else if (request.LiaisonId is { } liaison && !await DevelopmentAccess.RepresentsLiaisonAsync(db, user, liaison, ct))
        {
            return DevelopmentApi.Forbidden(t, "Error.Expert.NotRepresentative");
        }
        var result = await ExpertActions.NominateAsync(db, new ExpertNomination(id, request.Name, request.Email, bodyId, bodyId is null ? request.LiaisonId : null),
            user.UserId(), clock.GetUtcNow(), ct);
        if (!result.Succeeded)
        {
            return DevelopmentApi.Problem(result.Error, t);
        }
        var saved = await db.CommitteeExperts.AsNoTracking().Include(e => e.MemberBody).Include(e => e.Liaison).FirstAsync(e => e.Id == result.Value.Id, ct);
        return TypedResults.Created(DevelopmentLinks.ApiCommitteeExperts(id), ToResponse(saved));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(int id, int expertId, ClaimsPrincipal user, NormativeDb db, IStringLocalizer<DevelopmentText> t,
        CancellationToken ct)
    {
        var expert = await db.CommitteeExperts.AsNoTracking().Include(e => e.Committee).FirstOrDefaultAsync(e => e.Id == expertId && e.CommitteeId == id, ct);
        if (expert is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        if (!await MayWithdrawAsync(db, user, expert, ct))
        {
            return DevelopmentApi.Forbidden(t, "Error.Expert.NotNominator");
        }
        var result = await ExpertActions.WithdrawAsync(db, id, expertId, ct);
        return result.Succeeded ? TypedResults.NoContent() : DevelopmentApi.Problem(result.Error, t);
    }

    /// <summary>Whoever nominated the expert (the body's administrators, the liaison's representatives), the committee's manager, administrators.</summary>
    internal static async Task<bool> MayWithdrawAsync(NormativeDb db, ClaimsPrincipal user, CommitteeExpert expert, CancellationToken ct) =>
        DevelopmentAccess.Manages(user, expert.Committee!)
        || (expert.MemberBodyId is { } body && await DevelopmentAccess.ManagesMemberBodyAsync(db, user, body, ct))
        || (expert.LiaisonId is { } liaison && await DevelopmentAccess.RepresentsLiaisonAsync(db, user, liaison, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> AppointConvenerAsync(int id, ConvenerRequest request, ClaimsPrincipal user, NormativeDb db,
        IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        if (!await DevelopmentAccess.AppointsConvenerAsync(db, user, committee, ct))
        {
            return DevelopmentApi.Forbidden(t, "Error.Convener.NotParentManager");
        }
        var result = await ExpertActions.AppointConvenerAsync(db, id, request.Email, ct);
        return result.Succeeded ? TypedResults.NoContent() : DevelopmentApi.Problem(result.Error, t);
    }
}
