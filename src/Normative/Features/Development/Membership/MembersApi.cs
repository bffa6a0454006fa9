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
    public sealed record MemberResponse(string Code, string Code3, string Country, string Acronym, string Name, string Category, string Region, string? WebSite, string Url);

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

        var committees = app.MapGroup("/api/v1/committees").WithTags("Committees");
        committees.MapGet("/{id:int}/members", GetCommitteeMembersAsync).WithName("GetCommitteeMembers")
            .WithSummary("A committee's P- and O-members and the history of its membership.");
        committees.MapPost("/{id:int}/members", SetCommitteeMemberAsync).RequireAuthorization().WithName("SetCommitteeMember")
            .WithSummary("Adds, changes (P/O) or removes a member body; the committee's manager only.");
        committees.MapGet("/{id:int}/calendar.ics", GetCalendarAsync).WithName("GetCommitteeCalendar")
            .WithSummary("An iCalendar feed of the committee's ballot closing dates.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar");
        return app;
    }

    private static MemberResponse ToResponse(MemberBody m) =>
        new(m.CountryCode, m.CountryCode3, m.Country(Cultures.Current), m.Acronym, m.Name, m.Category.ToString(), m.Region.ToString(), m.WebSite, DevelopmentLinks.Member(m.CountryCode));

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
