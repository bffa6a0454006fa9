using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Normative.Tests.Features.Store;

/// <summary>
/// A local HTTP listener standing in for Stripe's API (127.0.0.1, a free port): Checkout Sessions
/// are created and read back, refunds accepted, and every request is recorded for the test to inspect.
/// </summary>
public sealed class FakeStripe : IDisposable
{
    public const string SecretKey = "sk_test_normative";

    public sealed record Request(string Method, string Path, string? Authorization, string? IdempotencyKey, Dictionary<string, string> Form);

    public sealed class Session
    {
        public required string Id { get; init; }
        public required long AmountTotal { get; init; }
        public required string Currency { get; init; }
        public required string Reference { get; init; }
        public bool Paid { get; set; }
        public string PaymentIntent => "pi_" + Id[3..];
    }

    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Session> _byKey = new();
    private int _count;

    public ConcurrentQueue<Request> Requests { get; } = new();
    public ConcurrentDictionary<string, Session> Sessions { get; } = new();
    public bool Failing { get; set; }
    public string BaseUrl { get; }

    public FakeStripe()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                await HandleAsync(context);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.InputStream, Encoding.UTF8).ReadToEndAsync();
        var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");
        var path = request.Url!.AbsolutePath;
        Requests.Enqueue(new Request(request.HttpMethod, path, request.Headers["Authorization"], request.Headers["Idempotency-Key"], form));

        if (request.Headers["Authorization"] != "Bearer " + SecretKey)
        {
            await AnswerAsync(context, 401, new { error = new { message = "Invalid API Key provided." } });
            return;
        }
        if (Failing)
        {
            await AnswerAsync(context, 500, new { error = new { message = "Something went wrong on Stripe's end." } });
            return;
        }
        if (request.HttpMethod == "POST" && path == "/v1/checkout/sessions")
        {
            var key = request.Headers["Idempotency-Key"] ?? Guid.NewGuid().ToString();
            var session = _byKey.GetOrAdd(key, _ =>
            {
                var s = new Session
                {
                    Id = $"cs_test_{Interlocked.Increment(ref _count)}_{Guid.NewGuid():N}",
                    AmountTotal = long.Parse(form["line_items[0][price_data][unit_amount]"], System.Globalization.CultureInfo.InvariantCulture),
                    Currency = form["line_items[0][price_data][currency]"],
                    Reference = form["client_reference_id"],
                };
                Sessions[s.Id] = s;
                return s;
            });
            await AnswerAsync(context, 200, new { id = session.Id, @object = "checkout.session", url = $"https://checkout.stripe.test/c/pay/{session.Id}", expires_at = DateTimeOffset.UtcNow.AddHours(24).ToUnixTimeSeconds() });
        }
        else if (request.HttpMethod == "GET" && path.StartsWith("/v1/checkout/sessions/", StringComparison.Ordinal) && Sessions.TryGetValue(path["/v1/checkout/sessions/".Length..], out var found))
        {
            await AnswerAsync(context, 200, SessionObject(found));
        }
        else if (request.HttpMethod == "POST" && path == "/v1/refunds")
        {
            await AnswerAsync(context, 200, new { id = "re_" + Guid.NewGuid().ToString("N"), @object = "refund", status = "succeeded" });
        }
        else
        {
            await AnswerAsync(context, 404, new { error = new { message = "No such resource." } });
        }
    }

    public static object SessionObject(Session s) => new
    {
        id = s.Id,
        @object = "checkout.session",
        payment_status = s.Paid ? "paid" : "unpaid",
        status = s.Paid ? "complete" : "open",
        amount_total = s.AmountTotal,
        currency = s.Currency,
        client_reference_id = s.Reference,
        payment_intent = s.Paid ? s.PaymentIntent : null,
    };

    /// <summary>A Stripe event about the session, as JSON, in the API version the app is pinned to.</summary>
    public static string Event(string id, string type, Session s, string apiVersion = Normative.Features.Store.Payments.StripeCheckoutProvider.ApiVersion) =>
        JsonSerializer.Serialize(new { id, @object = "event", api_version = apiVersion, type, created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), data = new { @object = SessionObject(s) } });

    private static async Task AnswerAsync(HttpListenerContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        await context.Response.OutputStream.WriteAsync(bytes);
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
