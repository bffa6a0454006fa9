using Normative.Data;
using Normative.Web;

namespace Normative.Features.Catalogue;

/// <summary>
/// Keeps a node's in-memory copy of something staff edit (the site's identity, the institutional
/// pages' statuses) in step with the database: reads it at start, whenever the catalogue's version
/// moves (a save on any node bumps it) and at least every minute, outside any request. Another
/// node's change so reaches this node within a version poll, before its pages are cached again.
/// </summary>
public abstract class CatalogueVersionRefresher(IServiceScopeFactory scopes, CatalogueVersion version, TimeProvider clock, ILogger logger)
    : PeriodicDatabaseJob(scopes, clock, logger)
{
    private long _seenVersion = long.MinValue;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override string DoneMessage => "{Count} copies read";

    /// <summary>Reads the copy afresh.</summary>
    protected abstract Task RefreshAsync(NormativeDb db, CancellationToken ct);

    protected override async Task<int> RunOnceAsync(NormativeDb db, DateTimeOffset now, CancellationToken ct)
    {
        var current = version.Current;
        if (current == _seenVersion && now - _readAt < TimeSpan.FromMinutes(1))
        {
            return 0;
        }
        await RefreshAsync(db, ct);
        _seenVersion = current;
        _readAt = now;
        return 0;
    }
}
