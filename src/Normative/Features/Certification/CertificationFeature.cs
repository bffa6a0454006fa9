using System.CommandLine;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Certification.Import;
using Normative.Features.Certification.Registry;
using Normative.Features.Certification.Verification;
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

    /// <summary>The rate limit of a certificate's page: ten times the search's, per client (signed-in people: none).</summary>
    public const string ReadingPolicy = "certificate-reading";
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
        services.AddSingleton<VerificationCache>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, RegistryWrites>();
        services.AddHostedService<RegistryChangeListener>();
        if (settings.ExpiryJob.Enabled)
        {
            services.AddHostedService<CertificateExpiryWorker>();
        }
        services.AddAuthorizationBuilder()
            .AddPolicy(BodyPolicy, p => p.RequireRole(Roles.CertificationBody));
        // Anonymous verification, search and statistics may be answered by the read replica.
        services.ReadFolderFromReplica("/Certification/Verification");
        services.ReadFolderFromReplica("/Certification/Statistics");
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Certification/Registry/Body", BodyPolicy)
            .AuthorizeFolder("/Certification/Registry/Admin", Policies.Administrator));

        var limit = new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, settings.RateLimit.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, settings.RateLimit.WindowSeconds)),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        // A certificate's page is read, not searched: counted apart, with ten times the room, so a
        // person going through a list of results never meets the search limit; a crawler still does.
        var reading = new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, settings.RateLimit.PermitLimit) * 10,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(ReadingPolicy, context => context.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("signed-in")
                : RateLimitPartition.GetFixedWindowLimiter("read " + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => reading));
            o.AddPolicy(SearchPolicy, context =>
            {
                // Signed-in people (certification bodies, staff) are not limited; anonymous clients are, one bucket per address.
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    return RateLimitPartition.GetNoLimiter("signed-in");
                }
                // A person opening the registry's search page reads it; only searching is counted.
                if (!context.Request.Path.StartsWithSegments("/api") && context.Request.QueryString.Value is null or "" or "?")
                {
                    return RateLimitPartition.GetNoLimiter("reading");
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
