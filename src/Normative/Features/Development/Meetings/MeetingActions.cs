using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Development.Committees;
using Normative.Features.Development.Membership;
using Npgsql;

namespace Normative.Features.Development.Meetings;

/// <summary>
/// Committee managers plan, change and cancel meetings (each tells the committee's delegates by mail);
/// delegates register. The caller has checked who may act; these check what may be done.
/// </summary>
public static class MeetingActions
{
    public static async Task<Attempt<Meeting>> CreateAsync(NormativeDb db, MeetingMail mail, int committeeId, MeetingDraft draft, DateTimeOffset now, CancellationToken ct = default)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, ct);
        if (committee is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (CommitteeRules.IsDisbanded(committee))
        {
            return DevelopmentError.Conflict("Error.Meeting.Disbanded", committee.Reference);
        }
        var checkedDraft = await CheckAsync(db, draft, ct);
        if (!checkedDraft.Succeeded)
        {
            return checkedDraft.Error;
        }
        var meeting = new Meeting { CommitteeId = committeeId, Title = "", Status = MeetingStatus.Planned, CreatedAt = now };
        Apply(meeting, draft, checkedDraft.Value, now);
        // The meeting and the mails about it are kept together or not at all (the mails need its id).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        await mail.QueueAsync(db, meeting, committee, MeetingMail.Change.Planned, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return meeting;
    }

    public static async Task<Attempt<Meeting>> UpdateAsync(NormativeDb db, MeetingMail mail, int id, MeetingDraft draft, DateTimeOffset now, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (meeting.Status == MeetingStatus.Cancelled)
        {
            return DevelopmentError.Conflict("Error.Meeting.Cancelled", meeting.Title);
        }
        var checkedDraft = await CheckAsync(db, draft, ct);
        if (!checkedDraft.Succeeded)
        {
            return checkedDraft.Error;
        }
        var moved = MeetingRules.Moved(meeting, draft);
        Apply(meeting, draft, checkedDraft.Value, now);
        if (moved)
        {
            var committee = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == meeting.CommitteeId, ct);
            await mail.QueueAsync(db, meeting, committee, MeetingMail.Change.Moved, ct);
        }
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    /// <summary>The meeting stays on record, marked cancelled; delegates and registrants are told.</summary>
    public static async Task<Attempt<Meeting>> CancelAsync(NormativeDb db, MeetingMail mail, int id, DateTimeOffset now, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (meeting.Status == MeetingStatus.Cancelled)
        {
            return DevelopmentError.Conflict("Error.Meeting.Cancelled", meeting.Title);
        }
        meeting.Status = MeetingStatus.Cancelled;
        meeting.UpdatedAt = now;
        var committee = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == meeting.CommitteeId, ct);
        await mail.QueueAsync(db, meeting, committee, MeetingMail.Change.Cancelled, ct);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    /// <summary>Registers <paramref name="userId"/> for the meeting, for the member body they are a delegate of in the committee.</summary>
    public static async Task<Attempt<MeetingRegistration>> RegisterAsync(NormativeDb db, int meetingId, string userId, string? byUserId, DateTimeOffset now, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (MeetingRules.CheckRegistration(meeting, now) is { } refused)
        {
            return refused;
        }
        var committee = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == meeting.CommitteeId, ct);
        var person = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        var bodyId = await MeetingAttendance.Delegates(db, MeetingAttendance.Committees(committee))
            .Where(d => d.UserId == userId).OrderBy(d => d.MemberBodyId).Select(d => (int?)d.MemberBodyId).FirstOrDefaultAsync(ct);
        if (bodyId is null && !await MeetingAttendance.IsExpertAsync(db, userId, committee.Id, ct))
        {
            return DevelopmentError.Conflict("Error.Meeting.NotInCommittee", person, committee.Reference);
        }
        // An expert registers for the member body that nominated them (none for a liaison's expert).
        bodyId ??= await DevelopmentAccess.Mine(db, userId).Where(e => e.CommitteeId == committee.Id).Select(e => e.MemberBodyId).FirstOrDefaultAsync(ct);
        if (await db.MeetingRegistrations.AnyAsync(r => r.MeetingId == meetingId && r.UserId == userId, ct))
        {
            return DevelopmentError.Conflict("Error.Meeting.AlreadyRegistered", person);
        }
        var registration = new MeetingRegistration { MeetingId = meetingId, UserId = userId, MemberBodyId = bodyId, RegisteredAt = now, RegisteredByUserId = byUserId };
        db.MeetingRegistrations.Add(registration);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two requests at once: the other one registered the person.
            db.Entry(registration).State = EntityState.Detached;
            return DevelopmentError.Conflict("Error.Meeting.AlreadyRegistered", person);
        }
        return registration;
    }

    public static async Task<Attempt<bool>> UnregisterAsync(NormativeDb db, int meetingId, string userId, CancellationToken ct = default)
    {
        var removed = await db.MeetingRegistrations.Where(r => r.MeetingId == meetingId && r.UserId == userId).ExecuteDeleteAsync(ct);
        return removed == 0 ? DevelopmentError.NotFound("Error.Meeting.NotRegistered") : true;
    }

    /// <summary>The person's calendar key, made on first use (or anew, which retires the old address).</summary>
    public static async Task<string> CalendarKeyAsync(NormativeDb db, string userId, bool renew, DateTimeOffset now, CancellationToken ct = default)
    {
        var key = await db.CalendarKeys.FirstOrDefaultAsync(k => k.UserId == userId, ct);
        if (key is not null && !renew)
        {
            return key.Key;
        }
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        if (key is null)
        {
            db.CalendarKeys.Add(new CalendarKey { UserId = userId, Key = secret, CreatedAt = now });
        }
        else
        {
            key.Key = secret;
            key.CreatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>The draft's rules, and its host member body (a member body, if named) and normalised country code.</summary>
    private static async Task<Attempt<(int? HostId, string? Country)>> CheckAsync(NormativeDb db, MeetingDraft draft, CancellationToken ct)
    {
        if (MeetingRules.Check(draft) is { } error)
        {
            return error;
        }
        int? hostId = null;
        if (!string.IsNullOrWhiteSpace(draft.HostMemberBody))
        {
            var host = await MemberBodies.FindAsync(db, draft.HostMemberBody, ct);
            if (host is null)
            {
                return DevelopmentError.Invalid("Error.Member.Unknown", draft.HostMemberBody);
            }
            hostId = host.Id;
        }
        return (hostId, string.IsNullOrWhiteSpace(draft.CountryCode) ? null : draft.CountryCode.Trim().ToUpperInvariant());
    }

    private static void Apply(Meeting meeting, MeetingDraft draft, (int? HostId, string? Country) checkedDraft, DateTimeOffset now)
    {
        static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        meeting.Kind = draft.Kind;
        meeting.Number = draft.Number;
        meeting.Title = draft.Title.Trim();
        meeting.StartsAt = draft.StartsAt.ToUniversalTime();
        meeting.EndsAt = draft.EndsAt.ToUniversalTime();
        meeting.Address = Text(draft.Address);
        meeting.City = Text(draft.City);
        meeting.CountryCode = checkedDraft.Country;
        meeting.OnlineUrl = Text(draft.OnlineUrl);
        meeting.HostMemberBodyId = checkedDraft.HostId;
        meeting.Agenda = Text(draft.Agenda);
        meeting.Resolutions = Text(draft.Resolutions);
        meeting.UpdatedAt = now;
    }
}
