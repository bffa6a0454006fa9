using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Web;

public class ObservabilityTests(ObservabilityTests.Factory factory) : IClassFixture<ObservabilityTests.Factory>
{
    public const string Scraper = "192.0.2.50";

    public sealed class Factory : NormativeFactory
    {
        public LogScopes Logs { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Metrics:AllowedAddresses"] = Scraper + ",10.20.0.0/16",
            ["Store:Stripe:WebhookSecret"] = "whsec_observability",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddress>());
            builder.ConfigureLogging(l => l.AddProvider(Logs));
        }
    }

    /// <summary>Records each warning with the trace id of the scopes it was written in.</summary>
    public sealed class LogScopes : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider? _scopes;
        public ConcurrentQueue<(string Message, string? TraceId)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(LogScopes owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes?.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                string? traceId = null;
                owner._scopes?.ForEachScope((scope, _) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs && pairs.FirstOrDefault(p => p.Key == "TraceId").Value is { } id)
                    {
                        traceId = id.ToString();
                    }
                }, (object?)null);
                owner.Entries.Enqueue((formatter(state, exception), traceId));
            }
        }
    }

    private Task<HttpResponseMessage> MetricsFromAsync(string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(ClientAddress.Header, address);
        return factory.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task TheMetricsPageIsHiddenFromEveryoneElse()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await MetricsFromAsync("203.0.113.7")).StatusCode);
        var (customer, _) = await factory.SignInAsAsync("Customer");
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task AnAllowedAddressReadsRequestDurationsInPrometheusText()
    {
        await factory.CreateClient().GetAsync("/healthz/live");
        var response = await MetricsFromAsync("10.20.3.4");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Matches("""http_server_request_duration_seconds_bucket\{[^}]*le="\+Inf"[^}]*\} [1-9]""", text);
        Assert.Matches("""http_server_request_duration_seconds_count\{[^}]*http_route="/healthz/live"[^}]*\} [1-9]""", text);
    }

    [Fact]
    public async Task AnAdministratorReadsTheMetricsAndDatabaseCommandsAreCounted()
    {
        var (admin, _) = await factory.SignInAsAsync("Administrator");
        var response = await admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("db_client_operation_duration_seconds", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALogLineWrittenInARequestCarriesItsTraceId()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/store/stripe/webhook") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.CreateClient().SendAsync(request)).StatusCode);
        Assert.Contains(factory.Logs.Entries, e => e.Message.Contains("Stripe webhook", StringComparison.Ordinal) && e.TraceId == traceId);
    }
}
