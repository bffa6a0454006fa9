using Microsoft.Extensions.Options;
using Normative.Data;

namespace Normative.Features.Content.Updates;

/// <summary>Runs <see cref="Subscriptions.ForgetUnconfirmedAsync"/> at start and then every Content:Updates:CleanupIntervalMinutes (60).</summary>
public sealed class UnconfirmedCleanupWorker(IServiceScopeFactory scopes, IOptions<ContentOptions> options, TimeProvider clock, ILogger<UnconfirmedCleanupWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(0.01, options.Value.Updates.CleanupIntervalMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A hosted worker lives outside any request: each round takes a DbContext from a scope of its own.
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<NormativeDb>();
                var deleted = await Subscriptions.ForgetUnconfirmedAsync(db, clock.GetUtcNow(), stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("{Count} email-update addresses were never confirmed and are deleted", deleted);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be restarting; the next round tries again.
                logger.LogError(e, "The clean-up of unconfirmed email-update addresses failed");
            }
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
