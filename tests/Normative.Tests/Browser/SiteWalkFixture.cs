using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Cli.Demo;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Development;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Browser;

/// <summary>
/// The app with every feature's demo data (as `normative demo` loads it) and Chromium, for walking
/// the whole site. The walker reads pages faster than a person, so the registry's limits are lifted.
/// </summary>
public sealed class SiteWalkFixture() : BrowserFixture(new WalkedApp())
{
    private Task? _demo;
    private readonly Lock _lock = new();

    public Task LoadDemoAsync()
    {
        lock (_lock)
        {
            return _demo ??= LoadAsync();
        }
    }

    /// <summary>A certificate's page (certificates are reached by search, so the sitemap has none).</summary>
    public async Task<long> SomeCertificateAsync() =>
        await App.WithDbAsync(db => db.Certificates.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());

    private Task LoadAsync() => DemoData.LoadAsync(App, store: true, async sp =>
    {
        var db = sp.GetRequiredService<NormativeDb>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        await DevelopmentDemo.LoadAsync(db, sp.GetRequiredService<UserManager<User>>(), sp.GetRequiredService<DevelopmentMail>(), now, CancellationToken.None);
        await CertificationDemo.LoadAsync(sp, CancellationToken.None);
        await ContentDemo.LoadAsync(db, now, CancellationToken.None);
    });

    private sealed class WalkedApp : NormativeFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Certification:RateLimit:PermitLimit"] = "100000",
        };
    }
}
