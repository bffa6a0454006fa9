using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Development.Documents;
using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Ballots;

/// <summary>
/// The ballot chores: a reminder a week before closing to the delegates of P-members that have not
/// voted, and closing ballots whose date has passed. Safe on several instances: reminders are sent
/// under a PostgreSQL advisory lock with the ballots claimed FOR UPDATE SKIP LOCKED, and closing
/// locks each ballot and skips it once closed.
/// </summary>
public static class BallotJobs
{
    // Any fixed number; the same on every instance. ("NRMDEV" and 1.)
    public const long ReminderLock = 0x4E524D4445560001;

    /// <returns>How many ballots had their reminder sent by this call.</returns>
    public static async Task<int> SendRemindersAsync(NormativeDb db, DevelopmentMail mail, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var locked = (await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({ReminderLock}) AS \"Value\"").ToListAsync(ct)).Single();
        if (!locked)
        {
            return 0;
        }
        var weekAhead = now.AddDays(7);
        var due = await db.Ballots.FromSql($"""
            SELECT * FROM ballots
            WHERE status = 'Open' AND kind <> 'CD' AND reminder_sent_at IS NULL AND closes_at > {now} AND closes_at <= {weekAhead}
            ORDER BY closes_at
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (due.Count > 0)
        {
            // What the mails need, for all the due ballots at once.
            var ballotIds = due.Select(b => b.Id).ToList();
            var projectIds = due.Select(b => b.ProjectId).Distinct().ToList();
            var committeeIds = due.Select(b => b.CommitteeId).Distinct().ToList();
            var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            var committees = await db.Committees.AsNoTracking().Where(c => committeeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            var waiting = (await db.BallotMembers
                    .Where(m => ballotIds.Contains(m.BallotId) && m.Status == MembershipStatus.P
                        && !db.BallotPositions.Any(p => p.BallotId == m.BallotId && p.MemberBodyId == m.MemberBodyId))
                    .Select(m => new { m.BallotId, m.MemberBodyId }).ToListAsync(ct))
                .ToLookup(m => m.BallotId, m => m.MemberBodyId);
            var delegates = await DevelopmentMail.DelegatesAsync(db, waiting.SelectMany(g => g).Distinct().ToList(), ct);
            var draftIds = due.Select(b => b.DocumentId).OfType<int>().ToList();
            var drafts = await db.CommitteeDocuments.AsNoTracking().Where(d => draftIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Number, ct);
            foreach (var ballot in due)
            {
                var bodies = waiting[ballot.Id].ToHashSet();
                var committee = committees[ballot.CommitteeId];
                var draft = ballot.DocumentId is { } draftId && drafts.TryGetValue(draftId, out var number) ? CommitteeDocuments.Reference(committee.Reference, number) : null;
                mail.QueueReminder(db, ballot, projects[ballot.ProjectId], committee, delegates.Where(d => bodies.Contains(d.MemberBodyId)), draft);
                ballot.ReminderSentAt = now;
            }
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return due.Count;
    }

    /// <summary>
    /// Closes each ballot whose date has passed in a transaction of its own (see <see cref="BallotActions.CloseAsync"/>):
    /// a ballot row and its project are locked only while that ballot closes, and one ballot that
    /// cannot close does not hold back the others. So the commands grow with the ballots closed, which
    /// are few at any one time.
    /// </summary>
    /// <returns>How many ballots this call closed.</returns>
    public static async Task<int> CloseDueAsync(NormativeDb db, DevelopmentMail mail, DateTimeOffset now, BallotDocuments? documents = null, CancellationToken ct = default)
    {
        var ids = await db.Ballots.Where(b => b.Status == BallotStatus.Open && b.ClosesAt <= now).Select(b => b.Id).ToListAsync(ct);
        var closed = 0;
        foreach (var id in ids)
        {
            if ((await BallotActions.CloseAsync(db, mail, id, null, now, documents, ct)).Succeeded)
            {
                closed++;
            }
            db.ChangeTracker.Clear();
        }
        return closed;
    }
}
