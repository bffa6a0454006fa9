using System.CommandLine;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Normative.Features.Accounts;
using Normative.Features.Certification.Import;
using Normative.Features.Certification.Registry;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Certification;

/// <summary>
/// The certification registry: its settings, the per-client limit on anonymous search, the CB
/// policy, the expiry job, and the endpoints that are not pages (API, public key, QR codes, CSV).
/// </summary>
public sealed class CertificationFeature : Feature
{
    public const string SearchPolicy = "certificate-search";
    public const string BodyPolicy = "CertificationBody";

    public override void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // What is set up at start reads the settings here; handlers take IOptions<CertificationOptions>.
        var settings = CertificationOptions.From(builder.Configuration);
        services.AddOptions<CertificationOptions>().BindConfiguration(CertificationOptions.Section);
        services.AddMemoryCache();
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(SiteText), "Home.Certified.Title", CertificationLinks.Registry, "Sitemap.Standards", Order: 121));
        services.AddSiteLink(new SiteLink(SiteSlots.AdminHub, typeof(CertificationText), "Admin.Title", CertificationLinks.Admin, "Registry.Title", Roles.Administrator));
        services.AddSiteCard(new SiteCard(SiteSlots.HomeCards, typeof(SiteText), "Home.Certified.Title", "Home.Certified.Text", "Home.Certified.Action", CertificationLinks.Registry, Order: 2));
        services.AddSitemapSource(new StaticSitemapSource("certification", CertificationLinks.Registry, CertificationLinks.Bodies, CertificationLinks.Statistics()));
        if (settings.ExpiryJob.Enabled)
        {
            services.AddHostedService<CertificateExpiryWorker>();
        }
        services.AddAuthorizationBuilder()
            .AddPolicy(BodyPolicy, p => p.RequireRole(Roles.CertificationBody));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Certification/Registry/Body", BodyPolicy)
            .AuthorizeFolder("/Certification/Registry/Admin", Policies.Administrator));

        var limit = new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, settings.RateLimit.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, settings.RateLimit.WindowSeconds)),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(SearchPolicy, context =>
            {
                // Signed-in people (certification bodies, staff) are not limited; anonymous clients are, one bucket per address.
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    return RateLimitPartition.GetNoLimiter("signed-in");
                }
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => limit);
            });
        });
    }

    /// <summary>Guards the upload page against huge bodies.</summary>
    public override void UseMiddleware(WebApplication app)
    {
        var maxBytes = CertificationOptions.From(app.Configuration).MaxUploadBytes;
        app.Use(async (context, next) =>
        {
            // A body over the limit is refused before anything reads it (the antiforgery check would read the whole form).
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(CertificationLinks.Upload)
                && context.Request.ContentLength > maxBytes + 64 * 1024)
            {
                context.Response.Redirect(CertificationLinks.UploadTooLarge, permanent: false);
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
