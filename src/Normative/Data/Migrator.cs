using Npgsql;

namespace Normative.Data;

/// <summary>
/// Applies the versioned SQL files: each in its own transaction, under an advisory lock so that
/// instances starting together take turns, and recorded with a checksum so that an applied file
/// edited afterwards is noticed instead of silently diverging.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource, ILogger<Migrator> logger)
{
    // Any fixed number works; it only has to be the same for every instance.
    private const long AdvisoryLockKey = 0x4E6F726D61746976;

    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default) =>
        MigrateAsync(Migration.Embedded(), ct);

    /// <returns>The names of the files applied by this call.</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken ct = default)
    {
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new MigrationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await ExecuteAsync(conn, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
        try
        {
            await ExecuteAsync(conn, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version text PRIMARY KEY,
                    name text NOT NULL,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);

            var applied = new Dictionary<string, (string Name, string Checksum)>();
            await using (var cmd = new NpgsqlCommand("SELECT version, name, checksum FROM schema_migrations", conn))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    applied[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));
                }
            }

            var known = migrations.Select(m => m.Version).ToHashSet();
            var unknown = applied.Keys.Where(v => !known.Contains(v)).Order().ToList();
            if (unknown.Count > 0)
            {
                throw new MigrationException(
                    $"The database has migration {applied[unknown[0]].Name}, which this version of Normative does not know. " +
                    "Run a version that includes it.");
            }

            var done = new List<string>();
            foreach (var migration in migrations)
            {
                if (applied.TryGetValue(migration.Version, out var record))
                {
                    if (record.Checksum != migration.Checksum)
                    {
                        throw new MigrationException(
                            $"Migration {migration.Name} was edited after it was applied to this database. " +
                            "Restore the file as it was and put the change in a new migration file.");
                    }
                    continue;
                }

                await using var tx = await conn.BeginTransactionAsync(ct);
                try
                {
                    await ExecuteAsync(conn, tx, migration.Sql, ct);
                }
                catch (PostgresException e)
                {
                    throw new MigrationException($"Migration {migration.Name} failed: {e.MessageText} (line {LineOf(migration.Sql, e.Position)}).");
                }
                await using (var record2 = new NpgsqlCommand(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", conn, tx))
                {
                    record2.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
                    record2.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
                    record2.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
                    await record2.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied migration {Migration}", migration.Name);
                done.Add(migration.Name);
            }
            return done;
        }
        finally
        {
            await ExecuteAsync(conn, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private static int LineOf(string sql, int position) =>
        position <= 0 ? 0 : sql.AsSpan(0, Math.Min(position, sql.Length)).Count('\n') + 1;

    private static async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
