using Normative.Features.Catalogue.OpenData;

namespace Normative.Features.Store.Alerts;

/// <summary>
/// After an import changed deliverables, buyers hear at once that what they bought was amended,
/// corrected, replaced or withdrawn, rather than at the alert job's next run.
/// </summary>
public sealed class AlertsAfterImport(StoreAlerts alerts, IConfiguration configuration) : ICatalogueImported
{
    public async Task<string?> AfterImportAsync(ImportResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!string.Equals(result.Kind, "deliverables", StringComparison.OrdinalIgnoreCase) || !configuration.GetValue("Store:Alerts:Enabled", true))
        {
            return null;
        }
        var queued = await alerts.ScanAsync(ct);
        return $"Store: {queued} alert mail(s) queued for buyers of standards that changed.";
    }
}
