using System.CommandLine;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Normative.Features.Accounts;
using Normative.Features.Certification.Import;
using Normative.Features.Certification.Registry;
using Normative.Features.Certification.Statistics;
using Normative.Features.Certification.Verification;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Certification;

/// <summary>
/// The certification registry: its services, the per-client limit on anonymous search, the CB
/// policy, the expiry job, and the endpoints that are not pages (API, public key, QR codes, CSV).
/// </summary>
public sealed class CertificationFeature : Feature
{
    public const string SearchPolicy = "certificate-search";
    public const string BodyPolicy = "CertificationBody";
    public const string KeyPath = "/.well-known/normative-receipt-key.json";
    public const string PemPath = "/.well-known/normative-receipt-key.pem";

    public override void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddScoped<CertificateImporter>();
        services.AddSingleton<CertificateQueries>();
        services.AddSingleton<CertificateExpiry>();
        services.AddSingleton<ReceiptSigner>();
        services.AddSingleton<CertificationStatistics>();
        services.AddMemoryCache();
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(SiteText), "Home.Certified.Title", "/certification", "Sitemap.Standards", Order: 121));
        services.AddSiteLink(new SiteLink(SiteSlots.AdminHub, typeof(CertificationText), "Admin.Title", "/certification/admin", "Registry.Title", Roles.Administrator));
        services.AddSiteCard(new SiteCard(SiteSlots.HomeCards, typeof(SiteText), "Home.Certified.Title", "Home.Certified.Text", "Home.Certified.Action", "/certification", Order: 2));
        services.AddSitemapSource(new StaticSitemapSource("certification", "/certification", "/certification/bodies", "/certification/statistics"));
        if (configuration.GetValue("Certification:ExpiryJob:Enabled", true))
        {
            services.AddHostedService<CertificateExpiryWorker>();
        }
        services.AddAuthorizationBuilder()
            .AddPolicy(BodyPolicy, p => p.RequireRole(Roles.CertificationBody));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Certification/Registry/Body", BodyPolicy)
            .AuthorizeFolder("/Certification/Registry/Admin", Policies.Administrator));

        services.AddRateLimiter(o =>
        {
            o.AddPolicy(SearchPolicy, context =>
            {
                // Signed-in people (certification bodies, staff) are not limited; anonymous clients are, one bucket per address.
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    return RateLimitPartition.GetNoLimiter("signed-in");
                }
                var permits = configuration.GetValue("Certification:RateLimit:PermitLimit", 60);
                var window = configuration.GetValue("Certification:RateLimit:WindowSeconds", 60.0);
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, permits),
                    Window = TimeSpan.FromSeconds(Math.Max(1, window)),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
    }

    /// <summary>Guards the upload page against huge bodies.</summary>
    public override void UseMiddleware(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // A body over the limit is refused before anything reads it (the antiforgery check would read the whole form).
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/certification/body/upload")
                && context.Request.ContentLength > CertificateUploads.MaxBytes(app.Configuration) + 64 * 1024)
            {
                context.Response.Redirect("/certification/body/upload?tooLarge=true", permanent: false);
                return;
            }
            await next();
        });
    }

    /// <summary>The API, the public key, QR codes, receipts and statistics downloads.</summary>
    public override void MapEndpoints(WebApplication app)
    {
        app.MapCertificationApi();
        app.MapCertificationFiles();
    }

    public override IEnumerable<Command> Commands() =>
    [
        new Command("import") { CertificationImportCommand.Create() },   // import certificates
    ];
}
