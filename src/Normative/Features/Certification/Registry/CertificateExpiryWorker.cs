using Microsoft.Extensions.Options;
using Normative.Data;

namespace Normative.Features.Certification.Registry;

/// <summary>Runs <see cref="CertificateExpiry"/> at start and then every Certification:ExpiryJob:IntervalMinutes (60).</summary>
public sealed class CertificateExpiryWorker(IServiceScopeFactory scopes, IOptions<CertificationOptions> options, TimeProvider clock, ILogger<CertificateExpiryWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(0.01, options.Value.ExpiryJob.IntervalMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A hosted worker lives outside any request: each round takes a DbContext from a scope of its own.
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<NormativeDb>();
                var expired = await CertificateExpiry.RunOnceAsync(db, clock.GetUtcNow(), stoppingToken);
                if (expired > 0)
                {
                    logger.LogInformation("{Count} certificates reached their expiry date and are now Expired", expired);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be restarting; the next round tries again.
                logger.LogError(e, "The certificate expiry job failed");
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
