using Npgsql;

namespace Normative.Features.Certification.Registry;

/// <summary>
/// Marks Active and Suspended certificates Expired once their expiry date has come, with a history
/// event each. Safe on several instances: the run holds the registry's advisory lock for its
/// transaction, and an instance that finds it taken skips this round.
/// </summary>
public sealed class CertificateExpiry(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>How the events of this job name who did it.</summary>
    public const string Actor = "registry";
    private const int Batch = 10_000;

    /// <returns>How many certificates expired, or null when another instance holds the lock.</returns>
    public async Task<int?> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var total = 0;
        while (true)
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await using (var lockCmd = new NpgsqlCommand($"SELECT pg_try_advisory_xact_lock({RegistryLock.Key})", conn, tx))
            {
                if (!(bool)(await lockCmd.ExecuteScalarAsync(ct))!)
                {
                    return total == 0 ? null : total;
                }
            }
            // In batches, so that three million expiring on one day do not make one huge transaction.
            await using var cmd = new NpgsqlCommand("""
                WITH due AS (
                    SELECT id, status FROM certificates
                    WHERE status IN ('Active', 'Suspended') AND expiry_date <= $1
                    ORDER BY id LIMIT $3
                    FOR UPDATE SKIP LOCKED),
                changed AS (
                    UPDATE certificates c SET status = 'Expired', status_reason = NULL, status_changed_at = $2, updated_at = $2
                    FROM due WHERE c.id = due.id
                    RETURNING c.id, due.status AS from_status)
                INSERT INTO certificate_events (certificate_id, at, by, kind, from_status, to_status, note)
                SELECT id, $2, $4, 'Expired', from_status, 'Expired', NULL FROM changed
                """, conn, tx);
            cmd.Parameters.Add(new NpgsqlParameter { Value = today });
            cmd.Parameters.Add(new NpgsqlParameter { Value = now });
            cmd.Parameters.Add(new NpgsqlParameter { Value = Batch });
            cmd.Parameters.Add(new NpgsqlParameter { Value = Actor });
            var count = await cmd.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            total += count;
            if (count < Batch)
            {
                return total;
            }
        }
    }
}
