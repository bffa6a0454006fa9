using Normative.Data;
using Npgsql;

namespace Normative.Features.Certification.Verification;

/// <summary>
/// Listens on the channel registry_changed (migration 0303) with a connection of its own, outside
/// the pool, and empties <see cref="VerificationCache"/> on each notification. When the connection
/// breaks the cache stops keeping answers and the listener connects again a second later.
/// </summary>
public sealed class RegistryChangeListener(NormativeDatabase database, VerificationCache cache, ILogger<RegistryChangeListener> logger) : BackgroundService
{
    public const string Channel = "registry_changed";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (cache.Capacity == 0)
        {
            return;
        }
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!database.IsStarted)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
                    continue;
                }
                var csb = new NpgsqlConnectionStringBuilder(database.ConnectionString)
                {
                    // Its own connection: a pooled one would keep listening after it went back to the pool.
                    Pooling = false,
                    // A dead connection is noticed within a minute even when no notification comes.
                    KeepAlive = 30,
                    ApplicationName = "normative-registry-listener",
                };
                await using var conn = new NpgsqlConnection(csb.ConnectionString);
                await conn.OpenAsync(stoppingToken);
                conn.Notification += (_, _) => cache.Invalidate();
                await using (var listen = new NpgsqlCommand("LISTEN " + Channel, conn))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                cache.Resume();
                failures = 0;
                while (true)
                {
                    await conn.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException or IOException)
            {
                cache.Suspend();
                if (failures++ == 0)
                {
                    logger.LogWarning(e, "Lost the registry's change notifications; verification answers are not cached until they are back");
                }
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        cache.Suspend();
    }
}
