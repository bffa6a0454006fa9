using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Web;

namespace Normative.Features.Site.Identity;

/// <summary>
/// Reads <see cref="IdentityStore"/> at start, whenever the catalogue's version moves (a save of
/// the identity on any node bumps it, migration 0516), and at least every minute, outside any
/// request: another node's change reaches this node's pages within a version poll.
/// </summary>
public sealed class IdentityRefresher(IServiceScopeFactory scopes, IdentityStore store, CatalogueVersion version, TimeProvider clock, ILogger<IdentityRefresher> logger)
    : PeriodicDatabaseJob(scopes, clock, logger)
{
    private long _seenVersion = long.MinValue;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override string Name => "Reading the site identity";

    protected override string DoneMessage => "{Count} site identity read";

    protected override async Task<int> RunOnceAsync(NormativeDb db, DateTimeOffset now, CancellationToken ct)
    {
        var current = version.Current;
        if (current == _seenVersion && now - _readAt < TimeSpan.FromMinutes(1))
        {
            return 0;
        }
        await store.RefreshAsync(db, ct);
        _seenVersion = current;
        _readAt = now;
        return 0;
    }
}
