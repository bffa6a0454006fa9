using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Web;

namespace Normative.Features.Content.Pages;

/// <summary>
/// Reads <see cref="PageDirectory"/> at start, whenever the catalogue's version moves (a save of a
/// page on any node bumps it), and at least every minute, outside any request. Another node's
/// change so reaches this node's footer within a version poll, before pages are cached again.
/// </summary>
public sealed class PageDirectoryRefresher(IServiceScopeFactory scopes, PageDirectory directory, CatalogueVersion version, TimeProvider clock, ILogger<PageDirectoryRefresher> logger)
    : PeriodicDatabaseJob(scopes, clock, logger)
{
    private long _seenVersion = long.MinValue;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override string Name => "Reading the institutional pages' statuses";

    protected override string DoneMessage => "{Count} institutional pages read";

    protected override async Task<int> RunOnceAsync(NormativeDb db, DateTimeOffset now, CancellationToken ct)
    {
        var current = version.Current;
        if (current == _seenVersion && now - _readAt < TimeSpan.FromMinutes(1))
        {
            return 0;
        }
        await directory.RefreshAsync(db, ct);
        _seenVersion = current;
        _readAt = now;
        return 0;
    }
}
