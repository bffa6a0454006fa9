using Normative.Data;
using Normative.Web;

namespace Normative.Features.Content.Pages;

/// <summary>Reads <see cref="PageDirectory"/> at start and every minute, outside any request.</summary>
public sealed class PageDirectoryRefresher(IServiceScopeFactory scopes, PageDirectory directory, TimeProvider clock, ILogger<PageDirectoryRefresher> logger)
    : PeriodicDatabaseJob(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override string Name => "Reading the institutional pages' statuses";

    protected override string DoneMessage => "{Count} institutional pages read";

    protected override async Task<int> RunOnceAsync(NormativeDb db, DateTimeOffset now, CancellationToken ct)
    {
        await directory.RefreshAsync(db, ct);
        return 0;
    }
}
