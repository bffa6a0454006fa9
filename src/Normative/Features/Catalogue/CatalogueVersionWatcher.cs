namespace Normative.Features.Catalogue;

/// <summary>Reads the catalogue's version every Catalogue:VersionPollSeconds (2 by default).</summary>
public sealed class CatalogueVersionWatcher(CatalogueVersion version, IConfiguration configuration, ILogger<CatalogueVersionWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(0.05, configuration.GetValue("Catalogue:VersionPollSeconds", 2.0)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await version.RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Without a known version nothing is cached, so visitors never see stale pages for long.
                version.Forget();
                logger.LogWarning(e, "The catalogue version could not be read");
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
