using Normative.Data;
using Normative.Mail;
using Normative.Storage;

namespace Normative.Web;

/// <summary>The platform every feature stands on, then the features in the order Program.cs lists them.</summary>
public static class NormativeApp
{
    public static WebApplication Build(string[] args, IReadOnlyList<Feature> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var builder = WebApplication.CreateBuilder(args);
        builder.AddDatabase();        // PostgreSQL: the configured server or the embedded cluster; SQL migrations
        builder.AddWebPlatform();     // settings checks, logs, proxy, languages, errors as ProblemDetails, OpenAPI, health, data protection, rate limits
        builder.AddObservability();   // OpenTelemetry traces and metrics; OTLP when configured, /metrics for operators
        builder.AddMail();            // the outbox and its worker; SMTP or .eml files
        builder.AddFileStore();       // the file store: contents streamed in and out of PostgreSQL
        foreach (var feature in features)
        {
            feature.AddServices(builder);
        }

        var app = builder.Build();
        app.UseWebPlatform();         // error pages, security headers, localization, static files, auth
        foreach (var feature in features)
        {
            feature.UseMiddleware(app);
        }
        app.MapRazorPages();          // every page lives in its feature folder under Features/
        foreach (var feature in features)
        {
            feature.MapEndpoints(app);
        }
        return app;
    }
}
