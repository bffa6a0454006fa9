using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Web;

namespace Normative.Features.Certification.Registry;

/// <summary>Runs <see cref="CertificateExpiry"/> at start and then every Certification:ExpiryJob:IntervalMinutes (60).</summary>
public sealed class CertificateExpiryWorker(IServiceScopeFactory scopes, IOptions<CertificationOptions> options, TimeProvider clock, ILogger<CertificateExpiryWorker> logger)
    : PeriodicDatabaseJob(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(0.01, options.Value.ExpiryJob.IntervalMinutes));

    protected override string Name => "The certificate expiry job";

    protected override string DoneMessage => "{Count} certificates reached their expiry date and are now Expired";

    /// <summary>A round another node is already running (null) changed nothing here.</summary>
    protected override async Task<int> RunOnceAsync(NormativeDb db, DateTimeOffset now, CancellationToken ct) =>
        await CertificateExpiry.RunOnceAsync(db, now, ct) ?? 0;
}
