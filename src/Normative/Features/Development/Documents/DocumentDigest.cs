using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Development.Meetings;

namespace Normative.Features.Development.Documents;

/// <summary>
/// Once a day: every document not yet announced is mailed to its committee's people — the delegates
/// of its member bodies (a group's: its parent committee's), its experts with an account, its
/// liaisons' representatives, its manager and convener — one mail per person listing all their
/// committees' new documents; those who turned the mail off get none. The documents are marked
/// announced in the same transaction as the mails.
/// </summary>
public static class DocumentDigest
{
    /// <summary>The hour (UTC) from which the day's mail goes.</summary>
    public const int Hour = 6;

    /// <summary>The advisory lock (an arbitrary constant) that keeps two instances from mailing the same documents.</summary>
    private const long LockKey = 0x4E_444F_4344_4947;

    /// <summary>Sends the day's mail if it is due and not sent yet today; returns the number of mails.</summary>
    public static async Task<int> RunAsync(NormativeDb db, DocumentMail mail, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        if (now < today.AddHours(Hour) || await db.CommitteeDocuments.AnyAsync(d => d.NotifiedAt >= today, ct))
        {
            return 0;
        }
        return await SendAsync(db, mail, now, ct);
    }

    /// <summary>Mails every document not yet announced, now.</summary>
    public static async Task<int> SendAsync(NormativeDb db, DocumentMail mail, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One instance at a time: a second waits here, then finds the documents announced.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        var documents = await db.CommitteeDocuments.Where(d => d.NotifiedAt == null && d.UploadedAt <= now).ToListAsync(ct);
        if (documents.Count == 0)
        {
            return 0;
        }
        var committeeIds = documents.Select(d => d.CommitteeId).Distinct().ToList();
        var committees = await db.Committees.AsNoTracking().Where(c => committeeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        // Whose member bodies count for each committee: its own, and a group's parent's.
        var scope = committees.Values.SelectMany(c => MeetingAttendance.Committees(c).Select(s => (Committee: c.Id, Scope: s))).ToList();
        var scopeIds = scope.Select(s => s.Scope).Distinct().ToList();
        var delegates = await (from m in db.CommitteeMemberships
                               join d in db.MemberBodyDelegates on m.MemberBodyId equals d.MemberBodyId
                               where scopeIds.Contains(m.CommitteeId)
                               select new { m.CommitteeId, d.UserId }).Distinct().ToListAsync(ct);
        var experts = await db.CommitteeExperts.Where(e => committeeIds.Contains(e.CommitteeId) && e.UserId != null)
            .Select(e => new { e.CommitteeId, UserId = e.UserId! }).ToListAsync(ct);
        var representatives = await (from r in db.LiaisonRepresentatives
                                     join l in db.CommitteeLiaisons on r.LiaisonId equals l.Id
                                     where committeeIds.Contains(l.CommitteeId)
                                     select new { l.CommitteeId, r.UserId }).ToListAsync(ct);

        var readers = scope.Join(delegates, s => s.Scope, d => d.CommitteeId, (s, d) => (s.Committee, d.UserId))
            .Concat(experts.Select(e => (Committee: e.CommitteeId, e.UserId)))
            .Concat(representatives.Select(r => (Committee: r.CommitteeId, r.UserId)))
            .Concat(committees.Values.SelectMany(c => new[] { c.ManagerUserId, c.ConvenerUserId }.OfType<string>().Select(u => (Committee: c.Id, UserId: u))))
            .Distinct().ToList();
        var userIds = readers.Select(r => r.UserId).Distinct().ToList();
        var optedOut = await db.DocumentMailOptOuts.Where(o => userIds.Contains(o.UserId)).Select(o => o.UserId).ToListAsync(ct);
        var people = await db.Users.Where(u => userIds.Contains(u.Id) && u.Email != null && !optedOut.Contains(u.Id))
            .Select(u => new { u.Id, Email = u.Email!, u.DisplayName }).ToDictionaryAsync(u => u.Id, ct);

        var sent = 0;
        foreach (var person in readers.Where(r => people.ContainsKey(r.UserId)).GroupBy(r => r.UserId))
        {
            var news = person.Select(r => r.Committee).Distinct().OrderBy(id => committees[id].Reference, StringComparer.Ordinal)
                .Select(id => (committees[id], documents.Where(d => d.CommitteeId == id).ToList())).ToList();
            var who = people[person.Key];
            mail.Queue(db, new DocumentMail.Person(who.Email, who.DisplayName), news);
            sent++;
        }
        foreach (var d in documents)
        {
            d.NotifiedAt = now;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return sent;
    }
}
