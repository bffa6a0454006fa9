using Normative.Data;
using Npgsql;

namespace Normative.Features.Certification.Verification;

/// <summary>
/// Listens on the channel registry_changed (migration 0303) with a connection of its own, outside
/// the pool, and empties <see cref="VerificationCache"/> on each change. The cache keeps answers
/// only while notifications are known to arrive: after LISTEN, and then every
/// <see cref="Heartbeat"/> without news, the listener sends itself a probe through the ordinary
/// pool and waits for it. Through a proxy that cannot carry notifications (PgBouncer in transaction
/// mode) the probe never comes back and nothing is cached; when the connection breaks or a probe is
/// lost the cache stops keeping answers and the listener connects again.
/// </summary>
public sealed class RegistryChangeListener(NormativeDatabase database, VerificationCache cache, ILogger<RegistryChangeListener> logger) : BackgroundService
{
    public const string Channel = "registry_changed";
    private const string ProbePrefix = "probe:";
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ProbeWait = TimeSpan.FromSeconds(5);

    /// <summary>Whether the current outage was logged: once per outage, not once per retry.</summary>
    private bool _warned;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (cache.Capacity == 0)
        {
            return;
        }
        try
        {
            await RunAsync(stoppingToken);
        }
        finally
        {
            // However the loop ends, nothing is cached without a listener.
            cache.Suspend();
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!database.IsStarted)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
                    continue;
                }
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong, the node keeps serving: without notifications it only stops caching.
                cache.Suspend();
                if (!_warned)
                {
                    _warned = true;
                    logger.LogWarning(e, "The registry's change notifications do not arrive; verification answers are not cached until they do");
                }
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(e is TimeoutException ? 60 : 1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        var csb = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            // Its own connection: a pooled one would keep listening after it went back to the pool.
            Pooling = false,
            KeepAlive = 30,
            ApplicationName = "normative-registry-listener",
        };
        await using var conn = new NpgsqlConnection(csb.ConnectionString);
        await conn.OpenAsync(ct);
        string? awaited = null;
        var probeSeen = false;
        conn.Notification += (_, e) =>
        {
            if (e.Payload.StartsWith(ProbePrefix, StringComparison.Ordinal))
            {
                probeSeen |= e.Payload == awaited;
                return;
            }
            cache.Invalidate();
        };
        await using (var listen = new NpgsqlCommand("LISTEN " + Channel, conn))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        async Task ProbeAsync()
        {
            awaited = ProbePrefix + Guid.NewGuid().ToString("N");
            probeSeen = false;
            await using (var notify = database.DataSource.CreateCommand("SELECT pg_notify($1, $2)"))
            {
                notify.Parameters.AddWithValue(Channel);
                notify.Parameters.AddWithValue(awaited);
                await notify.ExecuteNonQueryAsync(ct);
            }
            var deadline = DateTime.UtcNow + ProbeWait;
            while (!probeSeen)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !await conn.WaitAsync(left, ct) && !probeSeen)
                {
                    throw new TimeoutException($"A notification sent on {Channel} did not come back within {ProbeWait.TotalSeconds:0} s.");
                }
            }
        }

        await ProbeAsync();
        if (!cache.IsActive)
        {
            logger.LogInformation("Listening for registry changes: verification answers are cached");
        }
        cache.Resume();
        _warned = false;
        while (true)
        {
            if (!await conn.WaitAsync(Heartbeat, ct))
            {
                await ProbeAsync();
            }
        }
    }
}
