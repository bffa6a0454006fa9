using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Store.Carts;

namespace Normative.Features.Store.Alerts;

/// <summary>
/// The store's background job: scans for alerts and deletes stale carts, every
/// Store:Alerts:IntervalMinutes. Registered only when Store:Alerts:Enabled is true (tests turn it off).
/// </summary>
public sealed class StoreWorker(IServiceScopeFactory scopes, IOptions<StoreOptions> options, TimeProvider clock, ILogger<StoreWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(0.01, options.Value.Alerts.IntervalMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A hosted service outlives requests: each round takes a database context from a scope of its own.
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<NormativeDb>();
                await StoreAlerts.ScanAsync(db, scope.ServiceProvider.GetRequiredService<StoreMail>(), clock.GetUtcNow(), logger, stoppingToken);
                await CartActions.DeleteStaleAsync(db, clock.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be restarting; the next round tries again.
                logger.LogError(e, "The store's background job failed");
            }
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
