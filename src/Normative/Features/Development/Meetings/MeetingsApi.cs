using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Development.Meetings;

/// <summary>
/// /api/v1/committees/{id}/meetings, /api/v1/meetings/{id}: a committee's meetings (public), planned,
/// changed and cancelled by its manager; registrations; the committee's and a person's calendars.
/// </summary>
public static class MeetingsApi
{
    /// <param name="Kind">Plenary or WorkingGroup.</param>
    /// <param name="Country">ISO 3166-1 alpha-2 code of the place's country.</param>
    /// <param name="OnlineUrl">The link to join online; a meeting needs a city, an online link or both.</param>
    /// <param name="Host">The hosting member body's acronym or country code.</param>
    /// <param name="Agenda">Markdown.</param>
    /// <param name="Resolutions">Markdown.</param>
    public sealed record MeetingRequest(string Kind, int? Number, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Address, string? City, string? Country,
        string? OnlineUrl, string? Host, string? Agenda, string? Resolutions);

    public sealed record MeetingResponse(int Id, int CommitteeId, string Committee, string Kind, int? Number, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
        string? Address, string? City, string? Country, string? OnlineUrl, string? Host, string Status, string? Agenda, string? Resolutions, string Url);

    /// <param name="Email">The person to register (the committee's manager registers others); none to register oneself.</param>
    public sealed record RegistrationRequest(string? Email);

    public sealed record RegistrationResponse(int MeetingId, string Name, string Email, string? MemberBody, DateTimeOffset RegisteredAt);

    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var committees = app.MapGroup("/api/v1/committees").WithTags("Meetings");
        committees.MapGet("/{id:int}/meetings", ListAsync).WithName("GetCommitteeMeetings")
            .WithSummary("The committee's meetings, latest first, cancelled ones included.");
        committees.MapPost("/{id:int}/meetings", CreateAsync).RequireAuthorization().WithName("CreateMeeting")
            .WithSummary("Plans a meeting and mails the committee's delegates; the committee's manager or an administrator only. 400 for an end before the start, 409 for a disbanded committee.")
            .WithBodyExample("""{"kind": "Plenary", "number": 48, "title": "48th plenary meeting", "startsAt": "2027-05-10T08:00:00Z", "endsAt": "2027-05-12T16:00:00Z", "city": "Geneva", "country": "CH"}""");
        committees.MapGet("/{id:int}/meetings.ics", GetCommitteeCalendarAsync).WithName("GetCommitteeMeetingsCalendar")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .WithSummary("An iCalendar feed of the committee's meetings: date and place.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar");

        var meetings = app.MapGroup("/api/v1/meetings").WithTags("Meetings");
        meetings.MapGet("/{id:int}", GetAsync).WithName("GetMeeting").WithSummary("A meeting, its agenda and resolutions (Markdown).");
        meetings.MapPut("/{id:int}", UpdateAsync).RequireAuthorization().WithName("UpdateMeeting")
            .WithSummary("Changes a meeting; a new date or place is mailed to delegates and registrants. The committee's manager or an administrator only.");
        meetings.MapPost("/{id:int}/cancel", CancelAsync).RequireAuthorization().WithName("CancelMeeting")
            .WithSummary("Cancels a meeting (it stays on record, marked cancelled) and tells delegates and registrants. The committee's manager or an administrator only.");
        meetings.MapGet("/{id:int}/registrations", GetRegistrationsAsync).RequireAuthorization().WithName("GetMeetingRegistrations")
            .WithSummary("Who registered; the committee's manager or an administrator only.");
        meetings.MapPost("/{id:int}/registrations", RegisterAsync).RequireAuthorization().WithName("RegisterForMeeting")
            .WithSummary("Registers oneself (a delegate of one of the committee's member bodies), or — the committee's manager — another person by e-mail. 409 for someone not in the committee or registered already.");

        app.MapGet("/api/v1/calendars/{key}/meetings.ics", GetPersonalCalendarAsync).WithTags("Meetings").WithName("GetPersonalMeetingsCalendar")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .WithSummary("An iCalendar feed of one person's registered meetings, at the secret address shown on their meetings page.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar");
        return app;
    }

    /// <summary>The meeting as JSON; the online link only for the committee's people.</summary>
    private static MeetingResponse ToResponse(Meeting m, string committee, string? host, bool takesPart) =>
        new(m.Id, m.CommitteeId, committee, m.Kind.ToString(), m.Number, m.Title, m.StartsAt, m.EndsAt, m.Address, m.City, m.CountryCode, takesPart ? m.OnlineUrl : null, host,
            m.Status.ToString(), m.Agenda, m.Resolutions, DevelopmentLinks.Meeting(m.Id));

    private static async Task<MeetingResponse> ResponseAsync(NormativeDb db, Meeting m, ClaimsPrincipal user, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == m.CommitteeId, ct);
        var host = m.HostMemberBodyId is { } h ? await db.MemberBodies.Where(b => b.Id == h).Select(b => b.Acronym).SingleAsync(ct) : null;
        return ToResponse(m, committee.Reference, host, await MeetingAttendance.TakesPartAsync(db, user, committee, ct));
    }

    private static Attempt<MeetingDraft> Draft(MeetingRequest r) =>
        Enum.TryParse<MeetingKind>(r.Kind, true, out var kind) && Enum.IsDefined(kind)
            ? new MeetingDraft(kind, r.Number, r.Title ?? "", r.StartsAt, r.EndsAt, r.Address, r.City, r.Country, r.OnlineUrl, r.Host, r.Agenda, r.Resolutions)
            : DevelopmentError.Invalid("Error.Meeting.Kind");

    private static async Task<Results<Ok<List<MeetingResponse>>, ProblemHttpResult>> ListAsync(int id, ClaimsPrincipal user, NormativeDb db, IStringLocalizer<DevelopmentText> t,
        CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        var rows = await (from m in db.Meetings.AsNoTracking()
                          where m.CommitteeId == id
                          orderby m.StartsAt descending
                          select new { m, Host = db.MemberBodies.Where(b => b.Id == m.HostMemberBodyId).Select(b => b.Acronym).FirstOrDefault() }).Take(500).ToListAsync(ct);
        var takesPart = await MeetingAttendance.TakesPartAsync(db, user, committee, ct);
        return TypedResults.Ok(rows.Select(x => ToResponse(x.m, committee.Reference, x.Host, takesPart)).ToList());
    }

    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> GetAsync(int id, ClaimsPrincipal user, NormativeDb db, IStringLocalizer<DevelopmentText> t,
        CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        return meeting is null ? DevelopmentApi.NotFound(t) : TypedResults.Ok(await ResponseAsync(db, meeting, user, ct));
    }

    private static async Task<Results<Created<MeetingResponse>, ProblemHttpResult>> CreateAsync(int id, MeetingRequest request, ClaimsPrincipal user, NormativeDb db,
        MeetingMail mail, TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
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
        var draft = Draft(request);
        if (!draft.Succeeded)
        {
            return DevelopmentApi.Problem(draft.Error, t);
        }
        var result = await MeetingActions.CreateAsync(db, mail, id, draft.Value, clock.GetUtcNow(), ct);
        return result.Succeeded
            ? TypedResults.Created(DevelopmentLinks.ApiMeeting(result.Value.Id), await ResponseAsync(db, result.Value, user, ct))
            : DevelopmentApi.Problem(result.Error, t);
    }

    /// <summary>The meeting's committee when the person manages it; else the refusal.</summary>
    private static async Task<Attempt<Committee>> ManagedAsync(NormativeDb db, int meetingId, ClaimsPrincipal user, CancellationToken ct)
    {
        var committee = await (from m in db.Meetings
                               join c in db.Committees on m.CommitteeId equals c.Id
                               where m.Id == meetingId
                               select c).AsNoTracking().FirstOrDefaultAsync(ct);
        return committee is null ? DevelopmentError.NotFound("Error.NotFound")
            : !DevelopmentAccess.Manages(user, committee) ? DevelopmentError.Forbidden("Error.NotManager")
            : committee;
    }

    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> UpdateAsync(int id, MeetingRequest request, ClaimsPrincipal user, NormativeDb db,
        MeetingMail mail, TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var managed = await ManagedAsync(db, id, user, ct);
        if (!managed.Succeeded)
        {
            return DevelopmentApi.Problem(managed.Error, t);
        }
        var draft = Draft(request);
        if (!draft.Succeeded)
        {
            return DevelopmentApi.Problem(draft.Error, t);
        }
        var result = await MeetingActions.UpdateAsync(db, mail, id, draft.Value, clock.GetUtcNow(), ct);
        return result.Succeeded ? TypedResults.Ok(await ResponseAsync(db, result.Value, user, ct)) : DevelopmentApi.Problem(result.Error, t);
    }

    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> CancelAsync(int id, ClaimsPrincipal user, NormativeDb db,
        MeetingMail mail, TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var managed = await ManagedAsync(db, id, user, ct);
        if (!managed.Succeeded)
        {
            return DevelopmentApi.Problem(managed.Error, t);
        }
        var result = await MeetingActions.CancelAsync(db, mail, id, clock.GetUtcNow(), ct);
        return result.Succeeded ? TypedResults.Ok(await ResponseAsync(db, result.Value, user, ct)) : DevelopmentApi.Problem(result.Error, t);
    }

    private static async Task<Results<Ok<List<RegistrationResponse>>, ProblemHttpResult>> GetRegistrationsAsync(int id, ClaimsPrincipal user, NormativeDb db,
        IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var managed = await ManagedAsync(db, id, user, ct);
        if (!managed.Succeeded)
        {
            return DevelopmentApi.Problem(managed.Error, t);
        }
        return TypedResults.Ok(await Registrants(db, id).ToListAsync(ct));
    }

    /// <summary>The meeting's registrants with their names and member bodies, in order of registration.</summary>
    internal static IQueryable<RegistrationResponse> Registrants(NormativeDb db, int meetingId, string? userId = null) =>
        from r in db.MeetingRegistrations
        join u in db.Users on r.UserId equals u.Id
        where r.MeetingId == meetingId && (userId == null || r.UserId == userId)
        orderby r.RegisteredAt, u.Email
        select new RegistrationResponse(meetingId, u.DisplayName ?? u.Email!, u.Email!,
            db.MemberBodies.Where(b => b.Id == r.MemberBodyId).Select(b => b.Acronym).FirstOrDefault(), r.RegisteredAt);

    private static async Task<Results<Created<RegistrationResponse>, ProblemHttpResult>> RegisterAsync(int id, RegistrationRequest? request, ClaimsPrincipal user,
        NormativeDb db, UserManager<User> users, TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var me = user.UserId();
        if (me is null)
        {
            return DevelopmentApi.Forbidden(t);
        }
        var target = me;
        if (!string.IsNullOrWhiteSpace(request?.Email))
        {
            var person = await users.FindByEmailAsync(request.Email.Trim());
            if (person is null)
            {
                return DevelopmentApi.Problem(DevelopmentError.Invalid("Members.Delegates.NoAccount", request.Email), t);
            }
            if (person.Id != me)
            {
                var managed = await ManagedAsync(db, id, user, ct);
                if (!managed.Succeeded)
                {
                    return DevelopmentApi.Problem(managed.Error, t);
                }
            }
            target = person.Id;
        }
        var result = await MeetingActions.RegisterAsync(db, id, target, me, clock.GetUtcNow(), ct);
        if (!result.Succeeded)
        {
            return DevelopmentApi.Problem(result.Error, t);
        }
        return TypedResults.Created(DevelopmentLinks.ApiMeeting(id), await Registrants(db, id, target).FirstAsync(ct));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCommitteeCalendarAsync(int id, HttpContext context, IConfiguration configuration,
        NormativeDb db, TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        var since = clock.GetUtcNow().AddYears(-1);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.CommitteeId == id && m.EndsAt > since).OrderBy(m => m.StartsAt).Take(500).ToListAsync(ct);
        var text = MeetingCalendar.Write(t["Calendar.Meetings", committee.Reference], meetings.Select(m => (m, committee.Reference)), false, context, configuration, t);
        return TypedResults.File(Encoding.UTF8.GetBytes(text), Committees.CalendarFeed.ContentType, $"{DevelopmentFormat.Slug(committee.Reference)}-meetings.ics");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPersonalCalendarAsync(string key, HttpContext context, IConfiguration configuration,
        NormativeDb db, TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var userId = string.IsNullOrEmpty(key) ? null : await db.CalendarKeys.Where(k => k.Key == key).Select(k => k.UserId).FirstOrDefaultAsync(ct);
        if (userId is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        var since = clock.GetUtcNow().AddYears(-1);
        var rows = await (from r in db.MeetingRegistrations
                          join m in db.Meetings on r.MeetingId equals m.Id
                          join c in db.Committees on m.CommitteeId equals c.Id
                          where r.UserId == userId && m.EndsAt > since
                          orderby m.StartsAt
                          select new { m, c.Reference }).AsNoTracking().Take(500).ToListAsync(ct);
        var text = MeetingCalendar.Write(t["Calendar.MyMeetings"], rows.Select(x => (x.m, x.Reference)), true, context, configuration, t);
        return TypedResults.File(Encoding.UTF8.GetBytes(text), Committees.CalendarFeed.ContentType, "meetings.ics");
    }
}
