using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Web;

namespace Normative.Features.Content.Updates;

/// <summary>Runs <see cref="Subscriptions.ForgetUnconfirmedAsync"/> at start and then every Content:Updates:CleanupIntervalMinutes (60).</summary>
public sealed class UnconfirmedCleanupWorker(IServiceScopeFactory scopes, IOptions<ContentOptions> options, TimeProvider clock, ILogger<UnconfirmedCleanupWorker> logger)
    : PeriodicDatabaseJob(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(0.01, options.Value.Updates.CleanupIntervalMinutes));

    protected override string Name => "The clean-up of unconfirmed email-update addresses";

    protected override string DoneMessage => "{Count} email-update addresses were never confirmed and are deleted";

    protected override Task<int> RunOnceAsync(NormativeDb db, DateTimeOffset now, CancellationToken ct) =>
        Subscriptions.ForgetUnconfirmedAsync(db, now, ct);
}
