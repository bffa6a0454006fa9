using Microsoft.EntityFrameworkCore;
using Normative.Data;
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
        foreach (var ballot in due)
        {
            var project = await db.Projects.SingleAsync(p => p.Id == ballot.ProjectId, ct);
            var committee = await db.Committees.SingleAsync(c => c.Id == ballot.CommitteeId, ct);
            var waiting = await db.BallotMembers
                .Where(m => m.BallotId == ballot.Id && m.Status == MembershipStatus.P
                    && !db.BallotPositions.Any(p => p.BallotId == ballot.Id && p.MemberBodyId == m.MemberBodyId))
                .Select(m => m.MemberBodyId).ToListAsync(ct);
            mail.QueueReminder(db, ballot, project, committee, await DevelopmentMail.DelegatesAsync(db, waiting, ct));
            ballot.ReminderSentAt = now;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due.Count;
    }

    /// <returns>How many ballots this call closed.</returns>
    public static async Task<int> CloseDueAsync(NormativeDb db, DevelopmentMail mail, DateTimeOffset now, CancellationToken ct = default)
    {
        var ids = await db.Ballots.Where(b => b.Status == BallotStatus.Open && b.ClosesAt <= now).Select(b => b.Id).ToListAsync(ct);
        var closed = 0;
        foreach (var id in ids)
        {
            if ((await BallotActions.CloseAsync(db, mail, id, null, now, ct)).Succeeded)
            {
                closed++;
            }
            db.ChangeTracker.Clear();
        }
        return closed;
    }
}
