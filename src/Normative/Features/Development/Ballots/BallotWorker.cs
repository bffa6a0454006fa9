namespace Normative.Features.Development.Ballots;

/// <summary>
/// Runs <see cref="BallotJobs"/> every Development:Jobs:IntervalSeconds (60 by default). Turned off
/// with Development:Jobs:Enabled=false (tests run the jobs themselves).
/// </summary>
public sealed class BallotWorker(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<BallotWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Development:Jobs:IntervalSeconds", 60.0)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                // A hosted service is a singleton: each round takes its DbContext and mail from a scope of its own,
                // the one place in the feature where services are asked for by type.
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<Data.NormativeDb>();
                var mail = scope.ServiceProvider.GetRequiredService<DevelopmentMail>();
                var documents = scope.ServiceProvider.GetRequiredService<Documents.BallotDocuments>();
                await BallotJobs.CloseDueAsync(db, mail, clock.GetUtcNow(), documents, stoppingToken);
                await BallotJobs.SendRemindersAsync(db, mail, clock.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be starting or restarting; the next round tries again.
                logger.LogWarning(e, "The ballot jobs could not run");
            }
        }
    }
}
