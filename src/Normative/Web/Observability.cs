using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Normative.Web;

/// <summary>
/// OpenTelemetry traces and metrics of requests, outgoing HTTP calls (Stripe) and database commands.
/// They leave over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (the standard
/// OTEL_* variables tune the rest); without one, operators read the metrics at /metrics.
/// </summary>
public static class Observability
{
    public const string ServiceName = "normative";

    /// <summary>The meter of the application's own figures (the verification cache's hits and misses…).</summary>
    public const string AppMeter = "Normative";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: typeof(Observability).Assembly.GetName().Version?.ToString()))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("System.Runtime")
                .AddMeter(AppMeter)
                .AddReader(sp => sp.GetRequiredService<MetricsPage>().CreateReader()));
        builder.Services.AddSingleton<MetricsPage>();
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Traces only when they go somewhere: recording a span for every request and every
            // database command costs CPU and memory on each request (about a tenth of a cached
            // verification's CPU) for nothing when no collector reads them. Log lines keep their
            // trace ids either way: ASP.NET Core starts the request's activity for logging.
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation()
                .AddNpgsql());
            telemetry.UseOtlpExporter();
        }
        return builder;
    }
}
