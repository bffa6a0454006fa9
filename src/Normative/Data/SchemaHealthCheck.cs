using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Normative.Data;

/// <summary>
/// Ready means: the database answers and every migration this version knows has been applied
/// (an instance of a newer version must not take traffic on an old schema).
/// </summary>
public sealed class SchemaHealthCheck(NormativeDatabase database) : IHealthCheck
{
    private static readonly IReadOnlyList<string> Known = Migration.Embedded().Select(m => m.Version).ToList();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!database.IsStarted)
        {
            return HealthCheckResult.Unhealthy("The database has not been started.");
        }
        try
        {
            await using var conn = await database.DataSource.OpenConnectionAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT version FROM schema_migrations", conn);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(reader.GetString(0));
                }
            }
            var missing = Known.Where(v => !applied.Contains(v)).ToList();
            return missing.Count == 0
                ? HealthCheckResult.Healthy($"{applied.Count} migrations applied.")
                : HealthCheckResult.Unhealthy($"{missing.Count} migrations not applied, from {missing[0]}.");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached: " + e.Message);
        }
    }
}
