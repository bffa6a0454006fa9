using System.Globalization;
using System.Net;
using System.Text;
using Normative.Features.Accounts;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Normative.Web;

/// <summary>
/// /metrics: the same metrics OpenTelemetry exports, in Prometheus' text format, for operators who
/// scrape instead of running a collector. OpenTelemetry aggregates; this reader pulls on each
/// request and writes the text. Only addresses in Metrics:AllowedAddresses and administrators may
/// read it (metrics tell an attacker a lot about a site).
/// </summary>
// A plain reader without a timer: it collects only when the page asks (OpenTelemetry keeps true
// pull readers to its own Prometheus exporter, which is still a beta).
public sealed class MetricsPage(IConfiguration configuration) : BaseExporter<Metric>
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<IPNetwork> _allowed = SettingsRules.List(configuration, "Metrics:AllowedAddresses")
        .Select(a => IPAddress.TryParse(a, out var ip) ? new IPNetwork(ip, ip.GetAddressBytes().Length * 8) : IPNetwork.Parse(a))
        .ToList();
    private StringBuilder? _text;
    private MetricReader? _reader;

    /// <summary>The reader OpenTelemetry registered for this page; pulled on each request.</summary>
    public MetricReader CreateReader() => _reader = new BaseExportingMetricReader(this);

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/metrics", Serve).ExcludeFromDescription();

    private static IResult Serve(HttpContext context, MetricsPage page)
    {
        var remote = context.Connection.RemoteIpAddress;
        var allowed = (remote is not null && page._allowed.Any(n => n.Contains(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)))
            || context.User.IsInRole(Roles.Administrator);
        if (!allowed)
        {
            // Not found rather than forbidden: the page does not advertise itself.
            return Results.NotFound();
        }
        return Results.Text(page.Collect(), "text/plain; version=0.0.4; charset=utf-8");
    }

    /// <summary>Asks OpenTelemetry for every metric now and writes them as Prometheus text.</summary>
    public string Collect()
    {
        lock (_gate)
        {
            _text = new StringBuilder();
            _reader?.Collect(5000);
            var text = _text.ToString();
            _text = null;
            return text;
        }
    }

    public override ExportResult Export(in Batch<Metric> batch)
    {
        var text = _text;
        if (text is null)
        {
            return ExportResult.Success;
        }
        foreach (var metric in batch)
        {
            Write(text, metric);
        }
        return ExportResult.Success;
    }

    private static void Write(StringBuilder text, Metric metric)
    {
        var name = Name(metric);
        var isCounter = metric.MetricType is MetricType.LongSum or MetricType.DoubleSum;
        var isHistogram = metric.MetricType is MetricType.Histogram;
        if (isCounter)
        {
            name += "_total";
        }
        var type = isCounter ? "counter" : isHistogram ? "histogram" : "gauge";
        if (!string.IsNullOrEmpty(metric.Description))
        {
            text.Append("# HELP ").Append(name).Append(' ').Append(metric.Description.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        }
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var labels = new List<(string, string)>();
            foreach (var tag in point.Tags)
            {
                labels.Add((Sanitize(tag.Key), Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? ""));
            }
            switch (metric.MetricType)
            {
                case MetricType.LongSum or MetricType.LongSumNonMonotonic:
                    Sample(text, name, labels, point.GetSumLong());
                    break;
                case MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic:
                    Sample(text, name, labels, point.GetSumDouble());
                    break;
                case MetricType.LongGauge:
                    Sample(text, name, labels, point.GetGaugeLastValueLong());
                    break;
                case MetricType.DoubleGauge:
                    Sample(text, name, labels, point.GetGaugeLastValueDouble());
                    break;
                case MetricType.Histogram:
                    long cumulative = 0;
                    foreach (var bucket in point.GetHistogramBuckets())
                    {
                        cumulative += bucket.BucketCount;
                        var le = double.IsPositiveInfinity(bucket.ExplicitBound) ? "+Inf" : bucket.ExplicitBound.ToString("R", CultureInfo.InvariantCulture);
                        Sample(text, name + "_bucket", [.. labels, ("le", le)], cumulative);
                    }
                    Sample(text, name + "_sum", labels, point.GetHistogramSum());
                    Sample(text, name + "_count", labels, point.GetHistogramCount());
                    break;
            }
        }
    }

    private static void Sample(StringBuilder text, string name, IReadOnlyList<(string Key, string Value)> labels, double value)
    {
        text.Append(name);
        if (labels.Count > 0)
        {
            text.Append('{');
            for (var i = 0; i < labels.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }
                text.Append(labels[i].Key).Append("=\"")
                    .Append(labels[i].Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal))
                    .Append('"');
            }
            text.Append('}');
        }
        text.Append(' ').Append(double.IsPositiveInfinity(value) ? "+Inf" : value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
    }

    /// <summary>http.server.request.duration in seconds becomes http_server_request_duration_seconds.</summary>
    public static string Name(Metric metric)
    {
        var name = Sanitize(metric.Name);
        var unit = metric.Unit switch
        {
            "s" => "seconds",
            "ms" => "milliseconds",
            "By" => "bytes",
            _ => null,
        };
        return unit is null || name.EndsWith("_" + unit, StringComparison.Ordinal) ? name : name + "_" + unit;
    }

    private static string Sanitize(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_').ToArray();
        var result = new string(chars);
        return char.IsAsciiDigit(result[0]) ? "_" + result : result;
    }
}
