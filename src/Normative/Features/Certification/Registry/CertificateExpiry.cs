using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Certification.Registry;

/// <summary>
/// Marks Active and Suspended certificates Expired once their expiry date has come, with a history
/// event each. Safe on several instances: the run holds the registry's advisory lock for its
/// transaction, and an instance that finds it taken skips this round.
/// </summary>
public static class CertificateExpiry
{
    /// <summary>How the events of this job name who did it.</summary>
    public const string Actor = "registry";
    private const int Batch = 10_000;

    /// <returns>How many certificates expired, or null when another instance holds the lock.</returns>
    public static async Task<int?> RunOnceAsync(NormativeDb db, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var total = 0;
        while (true)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({RegistryLock.Key}) AS \"Value\"").SingleAsync(ct))
            {
                return total == 0 ? null : total;
            }
            // In batches, so that three million expiring on one day do not make one huge transaction.
            var count = await db.Database.ExecuteSqlAsync($"""
                WITH due AS (
                    SELECT id, status FROM certificates
                    WHERE status IN ('Active', 'Suspended') AND expiry_date <= {today}
                    ORDER BY id LIMIT {Batch}
                    FOR UPDATE SKIP LOCKED),
                changed AS (
                    UPDATE certificates c SET status = 'Expired', status_reason = NULL, status_changed_at = {now}, updated_at = {now}
                    FROM due WHERE c.id = due.id
                    RETURNING c.id, due.status AS from_status)
                INSERT INTO certificate_events (certificate_id, at, by, kind, from_status, to_status, note)
                SELECT id, {now}, {Actor}, 'Expired', from_status, 'Expired', NULL FROM changed
                """, ct);
            if (count > 0)
            {
                Verification.RegistryWrites.Touched(db);
            }
            await tx.CommitAsync(ct);
            total += count;
            if (count < Batch)
            {
                return total;
            }
        }
    }
}
