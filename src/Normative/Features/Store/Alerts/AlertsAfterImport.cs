using Normative.Data;
using Normative.Features.Catalogue.OpenData;

namespace Normative.Features.Store.Alerts;

/// <summary>
/// After an import changed deliverables, buyers hear at once that what they bought was amended,
/// corrected, replaced or withdrawn, rather than at the alert job's next run. The catalogue's hook
/// (<see cref="ICatalogueImported"/>), so its services come from the importer's scope.
/// </summary>
public sealed class AlertsAfterImport(NormativeDb db, StoreMail mail, IConfiguration configuration, TimeProvider clock, ILogger<AlertsAfterImport> logger) : ICatalogueImported
{
    public async Task<string?> AfterImportAsync(ImportResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!string.Equals(result.Kind, "deliverables", StringComparison.OrdinalIgnoreCase) || !configuration.GetValue("Store:Alerts:Enabled", true))
        {
            return null;
        }
        var queued = await StoreAlerts.ScanAsync(db, mail, clock.GetUtcNow(), logger, ct);
        return $"Store: {queued} alert mail(s) queued for buyers of standards that changed and subscribers to collections that grew.";
    }
}
