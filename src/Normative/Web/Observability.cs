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

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: typeof(Observability).Assembly.GetName().Version?.ToString()))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("System.Runtime")
                .AddReader(sp => sp.GetRequiredService<MetricsPage>().CreateReader()));
        builder.Services.AddSingleton<MetricsPage>();
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
        return builder;
    }
}
