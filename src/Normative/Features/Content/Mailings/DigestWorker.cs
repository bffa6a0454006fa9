using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Content.Updates;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Content.Mailings;

/// <summary>
/// Looks every Content:Updates:DigestIntervalMinutes (15) for a day or week whose digest has not been
/// made, and makes it (<see cref="Digests.RunAsync"/>); the mailing sender then sends it.
/// </summary>
public sealed class DigestWorker(IServiceScopeFactory scopes, IOptions<ContentOptions> options, IStringLocalizer<ContentText> t, IStringLocalizer<SiteText> site, IConfiguration configuration,
    IOptions<OrganizationOptions> organization, TimeProvider clock, ILogger<DigestWorker> logger)
    : PeriodicDatabaseJob(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(0.01, options.Value.Updates.DigestIntervalMinutes));

    protected override string Name => "The email-update digest";

    protected override string DoneMessage => "A digest was queued for {Count} subscribers";

    protected override async Task<int> RunOnceAsync(NormativeDb db, DateTimeOffset now, CancellationToken ct) =>
        await Digests.RunAsync(db, t, site, configuration, organization.Value.Name, DigestFrequency.Daily, now, ct)
        + await Digests.RunAsync(db, t, site, configuration, organization.Value.Name, DigestFrequency.Weekly, now, ct);
}
