using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Normative.Features.Accounts;
using Normative.Features.Certification.Import;
using Normative.Features.Certification.Registry;
using Normative.Features.Certification.Statistics;
using Normative.Features.Certification.Verification;

namespace Normative.Features.Certification;

/// <summary>
/// The certification registry: its services, the per-client limit on anonymous search, the CB
/// policy, the expiry job, and the endpoints that are not pages (API, public key, QR codes, CSV).
/// </summary>
public static class CertificationSetup
{
    public const string SearchPolicy = "certificate-search";
    public const string BodyPolicy = "CertificationBody";
    public const string KeyPath = "/.well-known/normative-receipt-key.json";
    public const string PemPath = "/.well-known/normative-receipt-key.pem";

    public static WebApplicationBuilder AddCertification(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddScoped<CertificateImporter>();
        services.AddSingleton<CertificateQueries>();
        services.AddSingleton<CertificateExpiry>();
        services.AddSingleton<ReceiptSigner>();
        services.AddSingleton<CertificationStatistics>();
        services.AddMemoryCache();
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
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    var t = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<CertificationText>>();
                    await http.Response.WriteAsJsonAsync(new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = t["RateLimit.Title"],
                        Detail = t["RateLimit.Detail", seconds],
                        Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                    }, options: null, contentType: "application/problem+json", cancellationToken: ct);
                }
                // Pages get the site's own 429 page through the status code pages.
            };
        });
        return builder;
    }

    /// <summary>Maps the API, the public key, QR codes, statistics downloads; and guards the upload page against huge bodies.</summary>
    public static WebApplication MapCertification(this WebApplication app)
    {
        app.UseRateLimiter();
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
        app.MapCertificationApi();
        app.MapCertificationFiles();
        return app;
    }
}
