namespace Normative.Features.Certification.Registry;

/// <summary>Runs <see cref="CertificateExpiry"/> at start and then every Certification:ExpiryJob:IntervalMinutes (60).</summary>
public sealed class CertificateExpiryWorker(CertificateExpiry expiry, IConfiguration configuration, ILogger<CertificateExpiryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(0.01, configuration.GetValue("Certification:ExpiryJob:IntervalMinutes", 60.0)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var expired = await expiry.RunOnceAsync(stoppingToken);
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
