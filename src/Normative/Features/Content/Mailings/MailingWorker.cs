using Microsoft.Extensions.Options;

namespace Normative.Features.Content.Mailings;

/// <summary>Runs <see cref="MailingSender"/>: batch after batch while there is work, then a poll every Content:Updates:MailingPollSeconds.</summary>
public sealed class MailingWorker(IServiceScopeFactory scopes, IOptions<ContentOptions> options, ILogger<MailingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.Updates.MailingPollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int handled;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    handled = await scope.ServiceProvider.GetRequiredService<MailingSender>().SendDueAsync(stoppingToken);
                }
                while (handled > 0 && !stoppingToken.IsCancellationRequested);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be restarting; the next round tries again, and the lease brings back a claimed batch.
                logger.LogError(e, "Mailings could not be sent");
            }
            try
            {
                await Task.Delay(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
