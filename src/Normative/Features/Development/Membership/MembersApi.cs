using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Committees;
using Normative.Features.Development.Projects;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Development.Membership;

/// <summary>/api/v1/members and /api/v1/committees/{id}/members, /api/v1/committees/{id}/calendar.ics.</summary>
public static class MembersApi
{
    public sealed record MemberResponse(string Code, string Code3, string Country, string Acronym, string Name, string Category, string Region, string? WebSite, string Url,
        string? Address = null, string? ContactEmail = null, string? ContactPhone = null, bool Suspended = false);

    /// <param name="Code">The ISO 3166-1 alpha-2 country code; one member body per country.</param>
    /// <param name="Category">MemberBody, CorrespondentMember or SubscriberMember.</param>
    /// <param name="Region">Africa, Americas, Asia, Europe or Oceania.</param>
    /// <param name="Note">On an edit: why (kept in the body's history, e.g. the reason for a change of category).</param>
    public sealed record MemberBodyRequest(string Code, string Acronym, string Name, string Category, string Region, string? WebSite, string? Address,
        string? ContactEmail, string? ContactPhone, string? Note);

    public sealed record ReasonRequest(string Note);

    public sealed record MemberBodyEventResponse(string Kind, string? FromCategory, string? ToCategory, DateTimeOffset At, string? Note);

    public sealed record ParticipationResponse(int CommitteeId, string Committee, string Title, string Status, DateOnly Since);

    public sealed record MemberDetailResponse(MemberResponse Member, IReadOnlyList<ParticipationResponse> Committees, IReadOnlyList<string> Secretariats);

    public sealed record CommitteeMemberResponse(string Code, string Acronym, string Name, string Category, string Status, DateOnly Since);

    public sealed record MembershipEventResponse(string MemberBody, string Kind, string? From, string? To, DateTimeOffset At, string? Note);

    public sealed record CommitteeMembersResponse(int CommitteeId, string Committee, string? Secretariat, int PMembers, int OMembers,
        IReadOnlyList<CommitteeMemberResponse> Members, IReadOnlyList<MembershipEventResponse> History);

    /// <param name="Status">"P", "O", or null to leave the committee.</param>
    public sealed record MembershipRequest(string MemberBody, string? Status, string? Note);

    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/v1/members").WithTags("Members");
        members.MapGet("/", ListMembersAsync).WithName("ListMembers").WithSummary("The member bodies: national standards bodies, one per country, in three categories.");
        members.MapGet("/{code}", GetMemberAsync).WithName("GetMember").WithSummary("A member body (by country code or acronym), its committee participation and its secretariats.");
        members.MapPost("/", CreateMemberAsync).RequireAuthorization().WithName("CreateMember")
            .WithSummary("Creates a member body; administrators only. 409 when the country or the acronym already has one.")
            .WithBodyExample("""{"code": "IS", "acronym": "IST", "name": "Icelandic Standards", "category": "MemberBody", "region": "Europe", "webSite": "https://www.stadlar.is", "contactEmail": "info@stadlar.is"}""");
        members.MapPut("/{code}", UpdateMemberAsync).RequireAuthorization().WithName("UpdateMember")
            .WithSummary("Edits a member body (a change of category is kept in its history); administrators only.");
        members.MapPost("/{code}/suspend", SuspendMemberAsync).RequireAuthorization().WithName("SuspendMember")
            .WithSummary("Suspends a member body, with the reason: it is put on no new ballot and casts no vote; administrators only.");
        members.MapPost("/{code}/reinstate", ReinstateMemberAsync).RequireAuthorization().WithName("ReinstateMember")
            .WithSummary("Reinstates a suspended member body, with the reason; administrators only.");
        members.MapGet("/{code}/history", GetMemberHistoryAsync).WithName("GetMemberHistory")
            .WithSummary("A member body's changes: created, edited, category changes, suspensions and reinstatements.");

        var committees = app.MapGroup("/api/v1/committees").WithTags("Committees");
        committees.MapGet("/{id:int}/members", GetCommitteeMembersAsync).WithName("GetCommitteeMembers")
            .WithSummary("A committee's P- and O-members and the history of its membership.");
        committees.MapPost("/{id:int}/members", SetCommitteeMemberAsync).RequireAuthorization().WithName("SetCommitteeMember")
            .WithSummary("Adds, changes (P/O) or removes a member body; the committee's manager only.");
        committees.MapGet("/{id:int}/calendar.ics", GetCalendarAsync).WithName("GetCommitteeCalendar")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .WithSummary("An iCalendar feed of the committee's ballot closing dates.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar");
        return app;
    }

    private static MemberResponse ToResponse(MemberBody m) =>
        new(m.CountryCode, m.CountryCode3, m.Country(Cultures.Current), m.Acronym, m.Name, m.Category.ToString(), m.Region.ToString(), m.WebSite, DevelopmentLinks.Member(m.CountryCode),
            m.Address, m.ContactEmail, m.ContactPhone, m.Suspended);

    /// <summary>The request as a draft, or the problem with its category or region.</summary>
    private static Attempt<MemberBodyDraft> ToDraft(MemberBodyRequest r)
    {
        if (!Enum.TryParse<MemberCategory>(r.Category, true, out var category) || !Enum.IsDefined(category))
        {
            return DevelopmentError.Invalid("Error.Member.CategoryValue", r.Category ?? "", string.Join(", ", Enum.GetNames<MemberCategory>()));
        }
        if (!Enum.TryParse<Region>(r.Region, true, out var region) || !Enum.IsDefined(region))
        {
            return DevelopmentError.Invalid("Error.Member.RegionValue", r.Region ?? "", string.Join(", ", Enum.GetNames<Region>()));
        }
        return new MemberBodyDraft(r.Code ?? "", r.Acronym ?? "", r.Name ?? "", category, region, r.WebSite, r.Address, r.ContactEmail, r.ContactPhone);
    }

    private static async Task<Results<Created<MemberResponse>, ProblemHttpResult>> CreateMemberAsync(MemberBodyRequest request, ClaimsPrincipal user, NormativeDb db,
        TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        if (!DevelopmentAccess.IsAdministrator(user))
        {
            return DevelopmentApi.Forbidden(t, "Error.NotAdministrator");
        }
        var draft = ToDraft(request);
        if (!draft.Succeeded)
        {
            return DevelopmentApi.Problem(draft.Error, t);
        }
        var result = await MemberBodyActions.CreateAsync(db, draft.Value!, user.UserId(), clock.GetUtcNow(), ct);
        if (!result.Succeeded)
        {
            return DevelopmentApi.Problem(result.Error, t);
        }
        return TypedResults.Created(DevelopmentLinks.ApiMember(result.Value!.CountryCode), ToResponse(result.Value));
    }

    private static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> UpdateMemberAsync(string code, MemberBodyRequest request, ClaimsPrincipal user, NormativeDb db,
        TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        if (!DevelopmentAccess.IsAdministrator(user))
        {
            return DevelopmentApi.Forbidden(t, "Error.NotAdministrator");
        }
        var draft = ToDraft(request);
        if (!draft.Succeeded)
        {
            return DevelopmentApi.Problem(draft.Error, t);
        }
        var result = await MemberBodyActions.UpdateAsync(db, code, draft.Value!, request.Note, user.UserId(), clock.GetUtcNow(), ct);
        return result.Succeeded ? TypedResults.Ok(ToResponse(result.Value!)) : DevelopmentApi.Problem(result.Error, t);
    }

    private static Task<Results<Ok<MemberResponse>, ProblemHttpResult>> SuspendMemberAsync(string code, ReasonRequest request, ClaimsPrincipal user, NormativeDb db,
        TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct) => SuspendAsync(code, true, request, user, db, clock, t, ct);

    private static Task<Results<Ok<MemberResponse>, ProblemHttpResult>> ReinstateMemberAsync(string code, ReasonRequest request, ClaimsPrincipal user, NormativeDb db,
        TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct) => SuspendAsync(code, false, request, user, db, clock, t, ct);

    private static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> SuspendAsync(string code, bool suspend, ReasonRequest request, ClaimsPrincipal user, NormativeDb db,
        TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        if (!DevelopmentAccess.IsAdministrator(user))
        {
            return DevelopmentApi.Forbidden(t, "Error.NotAdministrator");
        }
        var result = await MemberBodyActions.SuspendAsync(db, code, suspend, request.Note, user.UserId(), clock.GetUtcNow(), ct);
        return result.Succeeded ? TypedResults.Ok(ToResponse(result.Value!)) : DevelopmentApi.Problem(result.Error, t);
    }

    private static async Task<Results<Ok<List<MemberBodyEventResponse>>, ProblemHttpResult>> GetMemberHistoryAsync(string code, NormativeDb db, IStringLocalizer<DevelopmentText> t,
        CancellationToken ct)
    {
        var member = await MemberBodies.FindAsync(db, code, ct);
        if (member is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        var events = await db.MemberBodyEvents.AsNoTracking().Where(e => e.MemberBodyId == member.Id).OrderBy(e => e.Id)
            .Select(e => new MemberBodyEventResponse(e.Kind.ToString(), e.FromCategory.ToString(), e.ToCategory.ToString(), e.At, e.Note)).ToListAsync(ct);
        return TypedResults.Ok(events);
    }

    private static async Task<Ok<List<MemberResponse>>> ListMembersAsync(NormativeDb db, string? category, string? region, string? q, CancellationToken ct)
    {
        var list = await MemberBodies.Matching(db.MemberBodies.AsNoTracking(), category, region, q, Cultures.Current).OrderBy(m => m.CountryEn).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<MemberDetailResponse>, ProblemHttpResult>> GetMemberAsync(string code, NormativeDb db, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var member = await MemberBodies.FindAsync(db, code, ct);
        if (member is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        var participation = await (from m in db.CommitteeMemberships
                                   join c in db.Committees on m.CommitteeId equals c.Id
                                   where m.MemberBodyId == member.Id
                                   orderby c.Reference
                                   select new ParticipationResponse(c.Id, c.Reference, c.TitleEn, m.Status.ToString(), m.Since)).ToListAsync(ct);
        var secretariats = await db.Committees.Where(c => c.SecretariatMemberBodyId == member.Id).OrderBy(c => c.Reference).Select(c => c.Reference).ToListAsync(ct);
        return TypedResults.Ok(new MemberDetailResponse(ToResponse(member), participation, secretariats));
    }

    private static async Task<Results<Ok<CommitteeMembersResponse>, ProblemHttpResult>> GetCommitteeMembersAsync(int id, NormativeDb db, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        var secretariat = committee.SecretariatMemberBodyId is { } s ? await db.MemberBodies.Where(m => m.Id == s).Select(m => m.Acronym).FirstOrDefaultAsync(ct) : committee.Secretariat;
        var members = await db.CommitteeMemberships.AsNoTracking().Include(m => m.MemberBody).Where(m => m.CommitteeId == id)
            .OrderBy(m => m.Status).ThenBy(m => m.MemberBody!.Acronym).ToListAsync(ct);
        var history = await (from e in db.MembershipEvents
                             join m in db.MemberBodies on e.MemberBodyId equals m.Id
                             where e.CommitteeId == id
                             orderby e.At descending, e.Id descending
                             select new MembershipEventResponse(m.Acronym, e.Kind.ToString(), e.FromStatus.ToString(), e.ToStatus.ToString(), e.At, e.Note)).Take(500).ToListAsync(ct);
        return TypedResults.Ok(new CommitteeMembersResponse(committee.Id, committee.Reference, secretariat,
            members.Count(m => m.Status == MembershipStatus.P), members.Count(m => m.Status == MembershipStatus.O),
            members.Select(m => new CommitteeMemberResponse(m.MemberBody!.CountryCode, m.MemberBody.Acronym, m.MemberBody.Name, m.MemberBody.Category.ToString(), m.Status.ToString(), m.Since)).ToList(),
            history));
    }

    private static async Task<Results<Ok<MembershipEventResponse>, ProblemHttpResult>> SetCommitteeMemberAsync(int id, MembershipRequest request, ClaimsPrincipal user,
        NormativeDb db, TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
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
        var body = await MemberBodies.FindAsync(db, request.MemberBody ?? "", ct);
        if (body is null)
        {
            return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Member.Unknown", request.MemberBody ?? ""), t);
        }
        MembershipStatus? status = null;
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            if (!Enum.TryParse<MembershipStatus>(request.Status, true, out var parsed))
            {
                return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Membership.Status", request.Status), t);
            }
            status = parsed;
        }
        var result = await Memberships.SetAsync(db, id, body.Id, status, user.UserId(), request.Note, clock.GetUtcNow(), ct);
        if (!result.Succeeded)
        {
            return DevelopmentApi.Problem(result.Error, t);
        }
        var e = result.Value;
        return TypedResults.Ok(new MembershipEventResponse(body.Acronym, e.Kind.ToString(), e.FromStatus?.ToString(), e.ToStatus?.ToString(), e.At, e.Note));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCalendarAsync(int id, HttpContext context, IConfiguration configuration, NormativeDb db, TimeProvider clock,
        IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        var since = clock.GetUtcNow().AddYears(-1);
        var ballots = await db.Ballots.AsNoTracking().Include(b => b.Project)
            .Where(b => b.CommitteeId == id && (b.Status == BallotStatus.Open || b.ClosesAt > since))
            .OrderBy(b => b.ClosesAt).ToListAsync(ct);
        var host = context.Request.Host.Host;
        var origin = Shared.SiteLinks.Origin(configuration, context);
        var events = ballots.Select(b =>
        {
            var reference = ProjectReference.ForBallot(b.Project!, b.Kind);
            return new CalendarEvent(
                $"ballot-{b.Id}@{host}",
                b.ClosesAt,
                t["Calendar.Summary", b.Kind.ToString(), reference],
                t["Calendar.Description", committee.Reference, reference, b.Project!.TitleEn],
                origin + DevelopmentLinks.Ballot(b.Id),
                b.OpenedAt);
        });
        var text = CalendarFeed.Write(t["Calendar.Name", committee.Reference], events);
        return TypedResults.File(Encoding.UTF8.GetBytes(text), CalendarFeed.ContentType, $"{DevelopmentFormat.Slug(committee.Reference)}-ballots.ics");
    }
}
