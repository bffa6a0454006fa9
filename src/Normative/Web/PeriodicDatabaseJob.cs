using Normative.Data;

namespace Normative.Web;

/// <summary>
/// A job that runs at start and then every <see cref="Interval"/>, each round with a DbContext of
/// its own (a hosted worker lives outside any request). A failed round is logged and the next one
/// tries again (the database may be restarting); stopping the app ends the loop.
/// </summary>
public abstract class PeriodicDatabaseJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the job is, for the log line of a failed round.</summary>
    protected abstract string Name { get; }

    /// <summary>One round; returns how many rows it changed, logged with <see cref="DoneMessage"/> when more than none.</summary>
    protected abstract Task<int> RunOnceAsync(NormativeDb db, DateTimeOffset now, CancellationToken ct);

    /// <summary>A log message template with one placeholder, {Count}.</summary>
    protected abstract string DoneMessage { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var changed = await RunOnceAsync(scope.ServiceProvider.GetRequiredService<NormativeDb>(), clock.GetUtcNow(), stoppingToken);
                if (changed > 0)
                {
#pragma warning disable CA2254 // The template is each job's constant.
                    logger.LogInformation(DoneMessage, changed);
#pragma warning restore CA2254
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Job} failed; the next round tries again", Name);
            }
            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
