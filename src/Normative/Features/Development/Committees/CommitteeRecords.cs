using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Committees;

/// <summary>
/// Changes to a committee's record — title and scope, secretariat, officers — each kept as a
/// <see cref="CommitteeEvent"/> (who, when, old → new) in the same transaction as the change. A
/// refused change changes nothing.
/// </summary>
public static class CommitteeRecords
{
    public const int MaxTitleLength = 500;
    public const int MaxScopeLength = 10_000;
    public const int MaxNoteLength = 1000;

    /// <summary>New title (English, French) and scope; only what differs is changed and recorded.</summary>
    public static async Task<Attempt<Committee>> EditAsync(NormativeDb db, int id, string? titleEn, string? titleFr, string? scope, string? note,
        string? userId, DateTimeOffset now, CancellationToken ct = default)
    {
        var committee = await db.Committees.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        titleEn = titleEn?.Trim();
        titleFr = Clean(titleFr);
        scope = Clean(scope);
        if (string.IsNullOrEmpty(titleEn) || titleEn.Length > MaxTitleLength || titleFr?.Length > MaxTitleLength)
        {
            return DevelopmentError.Invalid("Error.Committee.Title");
        }
        if (scope?.Length > MaxScopeLength)
        {
            return DevelopmentError.Invalid("Error.Committee.ScopeLength", MaxScopeLength);
        }
        if (Clean(note)?.Length > MaxNoteLength)
        {
            return DevelopmentError.Invalid("Error.Committee.NoteLength", MaxNoteLength);
        }
        if (CommitteeRules.IsDisbanded(committee))
        {
            return DevelopmentError.Conflict("Error.Committee.DisbandedRecord", committee.Reference);
        }
        var changes = new List<(CommitteeEventKind Kind, string? From, string? To)>();
        if (!string.Equals(committee.TitleEn, titleEn, StringComparison.Ordinal))
        {
            changes.Add((CommitteeEventKind.TitleChanged, committee.TitleEn, titleEn));
            committee.TitleEn = titleEn;
        }
        if (!string.Equals(committee.TitleFr, titleFr, StringComparison.Ordinal))
        {
            changes.Add((CommitteeEventKind.FrenchTitleChanged, committee.TitleFr, titleFr));
            committee.TitleFr = titleFr;
        }
        if (!string.Equals(committee.Scope, scope, StringComparison.Ordinal))
        {
            changes.Add((CommitteeEventKind.ScopeChanged, committee.Scope, scope));
            committee.Scope = scope;
        }
        if (changes.Count == 0)
        {
            return DevelopmentError.Conflict("Error.Committee.Unchanged", committee.Reference);
        }
        foreach (var (kind, from, to) in changes)
        {
            db.CommitteeEvents.Add(Event(committee.Id, kind, null, from, to, now, userId, note));
        }
        await db.SaveChangesAsync(ct);
        return committee;
    }

    /// <summary>The secretariat passes to another member body (of the "member body" category, not suspended).</summary>
    public static async Task<Attempt<Committee>> TransferSecretariatAsync(NormativeDb db, int id, string? memberBody, string? note, string? userId,
        DateTimeOffset now, CancellationToken ct = default)
    {
        var committee = await db.Committees.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        var body = string.IsNullOrWhiteSpace(memberBody) ? null : await MemberBodies.FindAsync(db, memberBody, ct);
        if (body is null)
        {
            return DevelopmentError.Invalid("Error.Member.Unknown", memberBody ?? "");
        }
        if (Clean(note)?.Length > MaxNoteLength)
        {
            return DevelopmentError.Invalid("Error.Committee.NoteLength", MaxNoteLength);
        }
        if (CommitteeRules.IsDisbanded(committee))
        {
            return DevelopmentError.Conflict("Error.Committee.DisbandedRecord", committee.Reference);
        }
        if (body.Category != MemberCategory.MemberBody || body.Suspended)
        {
            return DevelopmentError.Conflict("Error.Committee.Secretariat", body.Acronym);
        }
        if (committee.SecretariatMemberBodyId == body.Id)
        {
            return DevelopmentError.Conflict("Error.Committee.SecretariatUnchanged", body.Acronym);
        }
        var from = committee.SecretariatMemberBodyId is { } current
            ? await db.MemberBodies.Where(m => m.Id == current).Select(m => m.Acronym).FirstOrDefaultAsync(ct)
            : committee.Secretariat;
        committee.SecretariatMemberBodyId = body.Id;
        committee.Secretariat = body.Acronym;
        db.CommitteeEvents.Add(Event(committee.Id, CommitteeEventKind.SecretariatTransferred, null, from, body.Acronym, now, userId, note));
        await db.SaveChangesAsync(ct);
        return committee;
    }

    /// <summary>
    /// Appoints the chair or the committee manager for a term: the outgoing officer's open term ends
    /// the day before, the committee's current officer changes, and both are recorded. A committee
    /// manager is an account (<paramref name="personUserId"/>); a chair may be named only.
    /// </summary>
    public static async Task<Attempt<CommitteeOfficer>> AppointAsync(NormativeDb db, int id, OfficerRole role, string? name, string? personUserId,
        DateOnly startsOn, DateOnly? endsOn, string? note, string? userId, DateTimeOffset now, CancellationToken ct = default)
    {
        var committee = await db.Committees.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        name = name?.Trim();
        if (!Enum.IsDefined(role))
        {
            return DevelopmentError.Invalid("Error.Officer.Role");
        }
        if (string.IsNullOrEmpty(name) || name.Length > OfficerRules.MaxNameLength)
        {
            return DevelopmentError.Invalid("Error.Officer.Name", OfficerRules.MaxNameLength);
        }
        if (role == OfficerRole.CommitteeManager && personUserId is null)
        {
            return DevelopmentError.Invalid("Error.Officer.ManagerAccount");
        }
        if (Clean(note)?.Length > MaxNoteLength)
        {
            return DevelopmentError.Invalid("Error.Committee.NoteLength", MaxNoteLength);
        }
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (OfficerRules.CheckTerm(startsOn, endsOn, today) is { } term)
        {
            return DevelopmentError.Conflict(term, DevelopmentFormat.Date(startsOn), DevelopmentFormat.Date(endsOn));
        }
        if (CommitteeRules.IsDisbanded(committee))
        {
            return DevelopmentError.Conflict("Error.Committee.DisbandedRecord", committee.Reference);
        }
        var terms = await db.CommitteeOfficers.Where(o => o.CommitteeId == id && o.Role == role).ToListAsync(ct);
        var outgoing = OfficerRules.Current(terms, role, today);
        if (outgoing is not null && outgoing.Name == name && outgoing.UserId == personUserId && outgoing.StartsOn == startsOn && outgoing.EndsOn == endsOn)
        {
            return DevelopmentError.Conflict("Error.Officer.Unchanged", name);
        }
        var officer = new CommitteeOfficer
        {
            CommitteeId = id, Role = role, Name = name, UserId = personUserId, StartsOn = startsOn, EndsOn = endsOn, AppointedAt = now, AppointedByUserId = userId,
        };
        db.CommitteeOfficers.Add(officer);
        // A term that has already ended is recorded for the history; it replaces no one.
        var serves = officer.Serves(today);
        var from = serves ? outgoing?.Name ?? (role == OfficerRole.Chair ? committee.Chair : null) : null;
        if (serves && outgoing is not null)
        {
            outgoing.EndsOn = OfficerRules.OutgoingEnd(outgoing, startsOn);
        }
        if (serves && role == OfficerRole.Chair)
        {
            committee.Chair = name;
        }
        else if (serves)
        {
            committee.ManagerUserId = personUserId;
        }
        db.CommitteeEvents.Add(Event(id, CommitteeEventKind.OfficerAppointed, role, from, OfficerRules.Describe(officer), now, userId, note));
        await db.SaveChangesAsync(ct);
        return officer;
    }

    /// <summary>
    /// Appoints the person with the account <paramref name="email"/> (or, for a chair, only named),
    /// shown by <paramref name="name"/> or else the account's name; a new committee manager gets the
    /// CommitteeManager role.
    /// </summary>
    public static async Task<Attempt<CommitteeOfficer>> AppointAsync(NormativeDb db, UserManager<User> users, int id, OfficerRole role, string? name, string? email,
        DateOnly? startsOn, DateOnly? endsOn, string? note, string? userId, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        User? person = null;
        if (!string.IsNullOrWhiteSpace(email))
        {
            person = await users.FindByEmailAsync(email.Trim());
            if (person is null)
            {
                return DevelopmentError.Invalid("Members.Delegates.NoAccount", email.Trim());
            }
        }
        var shown = string.IsNullOrWhiteSpace(name) ? person?.DisplayName ?? person?.Email : name;
        var result = await AppointAsync(db, id, role, shown, person?.Id, startsOn ?? DateOnly.FromDateTime(now.UtcDateTime), endsOn, note, userId, now, ct);
        if (result.Succeeded && role == OfficerRole.CommitteeManager && !await users.IsInRoleAsync(person!, Roles.CommitteeManager))
        {
            await users.AddToRoleAsync(person!, Roles.CommitteeManager);
        }
        return result;
    }

    /// <summary>Ends an officer's term today; the committee has no such officer until the next appointment.</summary>
    public static async Task<Attempt<CommitteeOfficer>> EndTermAsync(NormativeDb db, int id, int officerId, string? note, string? userId,
        DateTimeOffset now, CancellationToken ct = default)
    {
        var committee = await db.Committees.FirstOrDefaultAsync(c => c.Id == id, ct);
        var officer = await db.CommitteeOfficers.FirstOrDefaultAsync(o => o.Id == officerId && o.CommitteeId == id, ct);
        if (committee is null || officer is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (Clean(note)?.Length > MaxNoteLength)
        {
            return DevelopmentError.Invalid("Error.Committee.NoteLength", MaxNoteLength);
        }
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (!officer.Serves(today))
        {
            return DevelopmentError.Conflict("Error.Officer.NotServing", officer.Name);
        }
        officer.EndsOn = officer.StartsOn > today ? officer.StartsOn : today;
        if (officer.Role == OfficerRole.Chair && committee.Chair == officer.Name)
        {
            committee.Chair = null;
        }
        if (officer.Role == OfficerRole.CommitteeManager && committee.ManagerUserId == officer.UserId)
        {
            committee.ManagerUserId = null;
        }
        db.CommitteeEvents.Add(Event(id, CommitteeEventKind.OfficerTermEnded, officer.Role, OfficerRules.Describe(officer), null, now, userId, note));
        await db.SaveChangesAsync(ct);
        return officer;
    }

    private static CommitteeEvent Event(int committeeId, CommitteeEventKind kind, OfficerRole? role, string? from, string? to, DateTimeOffset at, string? userId, string? note) =>
        new() { CommitteeId = committeeId, Kind = kind, Role = role, FromValue = from, ToValue = to, At = at, ByUserId = userId, Note = Clean(note) };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
