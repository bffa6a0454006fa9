using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development.Membership;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Development.Committees;

/// <summary>
/// /api/v1/committees: administrators create and disband committees, transfer secretariats and
/// appoint officers; a committee's manager edits its title and scope; member bodies apply for
/// membership. Every change to a committee's record is in /api/v1/committees/{id}/record.
/// </summary>
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

    /// <param name="TitleEn">The title in English (required).</param>
    /// <param name="Note">Why it changes, kept in the history.</param>
    public sealed record EditCommitteeRequest(string TitleEn, string? TitleFr, string? Scope, string? Note);

    /// <param name="MemberBody">The member body taking over, by acronym or country code.</param>
    public sealed record SecretariatRequest(string MemberBody, string? Note);

    /// <param name="Role">Chair or CommitteeManager.</param>
    /// <param name="Email">The account of the person (required for a committee manager).</param>
    /// <param name="Name">The name shown; the account's name when not given.</param>
    /// <param name="StartsOn">The first day of the term, today when not given (not later than today).</param>
    /// <param name="EndsOn">The last day of the term, if it is known.</param>
    public sealed record OfficerRequest(string Role, string? Email, string? Name, DateOnly? StartsOn, DateOnly? EndsOn, string? Note);

    public sealed record EndTermRequest(string? Note);

    public sealed record OfficerResponse(int Id, string Role, string Name, DateOnly StartsOn, DateOnly? EndsOn, bool Current);

    public sealed record CommitteeEventResponse(long Id, string Kind, string? Role, string? From, string? To, DateTimeOffset At, string? By, string? Note);

    /// <param name="Page">The committee's home on the site.</param>
    public sealed record CommitteeRecordResponse(int Id, string Reference, string Page, string? Secretariat, IReadOnlyList<OfficerResponse> Officers,
        IReadOnlyList<CommitteeEventResponse> History);

    public static IEndpointRouteBuilder MapCommitteesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/committees").WithTags("Committees");
        group.MapPost("/", CreateAsync).RequireAuthorization().WithName("CreateCommittee")
            .WithSummary("Creates a TC, SC, WG, AG or JWG; administrators only. 409 for a reference that exists or a structure the Directives do not allow (a subcommittee of a WG).")
            .WithBodyExample("""{"kind": "SC", "parentId": 53882, "number": 9, "titleEn": "Quality management for small organizations", "titleFr": "Management de la qualité des petites organisations", "scope": "Guidance for organizations of fewer than 50 people."}""");
        group.MapPost("/{id:int}/disband", DisbandAsync).RequireAuthorization().WithName("DisbandCommittee")
            .WithSummary("Marks a committee disbanded: its records and standards stay, it takes no new project; administrators only.");
        group.MapPut("/{id:int}", EditAsync).RequireAuthorization().WithName("EditCommittee")
            .WithSummary("Changes a committee's title and scope, each change recorded (who, when, old → new); its manager or an administrator. 409 for a disbanded committee or no change.");
        group.MapPost("/{id:int}/secretariat", TransferSecretariatAsync).RequireAuthorization().WithName("TransferSecretariat")
            .WithSummary("Transfers the secretariat to another member body, recorded; administrators only. 409 for a body that is not of the member-body category, suspended, or already holding it.");
        group.MapPost("/{id:int}/officers", AppointAsync).RequireAuthorization().WithName("AppointOfficer")
            .WithSummary("Appoints the chair or the committee manager for a term (the outgoing term ends the day before), recorded; administrators only. 409 for a term that starts later than today or ends before it starts.");
        group.MapPost("/{id:int}/officers/{officerId:int}/end", EndTermAsync).RequireAuthorization().WithName("EndOfficerTerm")
            .WithSummary("Ends an officer's term today, recorded; administrators only. 409 for an officer not in office.");
        group.MapGet("/{id:int}/record", GetRecordAsync).WithName("GetCommitteeRecord")
            .WithSummary("A committee's officers with their terms and the history of its title, scope, secretariat and officers.");
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

    private static async Task<Results<Ok<CommitteeResponse>, ProblemHttpResult>> DisbandAsync(int id, ClaimsPrincipal user, NormativeDb db, TimeProvider clock,
        IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        if (!DevelopmentAccess.IsAdministrator(user))
        {
            return DevelopmentApi.Forbidden(t, "Error.NotAdministrator");
        }
        var result = await CommitteeActions.DisbandAsync(db, id, user.UserId(), null, clock.GetUtcNow(), ct);
        return result.Succeeded ? TypedResults.Ok(ToResponse(result.Value!)) : DevelopmentApi.Problem(result.Error, t);
    }

    private static async Task<Results<Ok<CommitteeResponse>, ProblemHttpResult>> EditAsync(int id, EditCommitteeRequest request, ClaimsPrincipal user, NormativeDb db,
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
        var result = await CommitteeRecords.EditAsync(db, id, request.TitleEn, request.TitleFr, request.Scope, request.Note, user.UserId(), clock.GetUtcNow(), ct);
        return result.Succeeded ? TypedResults.Ok(ToResponse(result.Value)) : DevelopmentApi.Problem(result.Error, t);
    }

    private static async Task<Results<Ok<CommitteeResponse>, ProblemHttpResult>> TransferSecretariatAsync(int id, SecretariatRequest request, ClaimsPrincipal user,
        NormativeDb db, TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        if (!DevelopmentAccess.IsAdministrator(user))
        {
            return DevelopmentApi.Forbidden(t, "Error.NotAdministrator");
        }
        var result = await CommitteeRecords.TransferSecretariatAsync(db, id, request.MemberBody, request.Note, user.UserId(), clock.GetUtcNow(), ct);
        return result.Succeeded ? TypedResults.Ok(ToResponse(result.Value)) : DevelopmentApi.Problem(result.Error, t);
    }

    private static async Task<Results<Created<OfficerResponse>, ProblemHttpResult>> AppointAsync(int id, OfficerRequest request, ClaimsPrincipal user, NormativeDb db,
        UserManager<User> users, TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        if (!DevelopmentAccess.IsAdministrator(user))
        {
            return DevelopmentApi.Forbidden(t, "Error.NotAdministrator");
        }
        if (!Enum.TryParse<OfficerRole>(request.Role, true, out var role) || !Enum.IsDefined(role))
        {
            return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Officer.Role"), t);
        }
        var now = clock.GetUtcNow();
        var result = await CommitteeRecords.AppointAsync(db, users, id, role, request.Name, request.Email, request.StartsOn, request.EndsOn, request.Note, user.UserId(), now, ct);
        if (!result.Succeeded)
        {
            return DevelopmentApi.Problem(result.Error, t);
        }
        return TypedResults.Created($"/api/v1/committees/{id}/record", ToResponse(result.Value, DateOnly.FromDateTime(now.UtcDateTime)));
    }

    private static async Task<Results<Ok<OfficerResponse>, ProblemHttpResult>> EndTermAsync(int id, int officerId, EndTermRequest? request, ClaimsPrincipal user,
        NormativeDb db, TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        if (!DevelopmentAccess.IsAdministrator(user))
        {
            return DevelopmentApi.Forbidden(t, "Error.NotAdministrator");
        }
        var now = clock.GetUtcNow();
        var result = await CommitteeRecords.EndTermAsync(db, id, officerId, request?.Note, user.UserId(), now, ct);
        return result.Succeeded ? TypedResults.Ok(ToResponse(result.Value, DateOnly.FromDateTime(now.UtcDateTime))) : DevelopmentApi.Problem(result.Error, t);
    }

    private static async Task<Results<Ok<CommitteeRecordResponse>, ProblemHttpResult>> GetRecordAsync(int id, NormativeDb db, TimeProvider clock,
        IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var officers = await db.CommitteeOfficers.AsNoTracking().Where(o => o.CommitteeId == id).OrderBy(o => o.Role).ThenByDescending(o => o.StartsOn).ThenByDescending(o => o.Id)
            .ToListAsync(ct);
        var history = await (from e in db.CommitteeEvents
                             where e.CommitteeId == id
                             orderby e.Id descending
                             select new { e, By = db.Users.Where(u => u.Id == e.ByUserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefault() }).AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(new CommitteeRecordResponse(id, committee.Reference, CatalogueLinks.Committee(committee.Slug), committee.Secretariat,
            officers.Select(o => ToResponse(o, today)).ToList(),
            history.Select(h => new CommitteeEventResponse(h.e.Id, h.e.Kind.ToString(), h.e.Role?.ToString(), h.e.FromValue, h.e.ToValue, h.e.At, h.By, h.e.Note)).ToList()));
    }

    private static OfficerResponse ToResponse(CommitteeOfficer o, DateOnly today) =>
        new(o.Id, o.Role.ToString(), o.Name, o.StartsOn, o.EndsOn, o.Serves(today));
}
