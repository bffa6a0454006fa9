using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Normative.Features.Store.Payments;

/// <summary>
/// Stripe Checkout over plain HTTP (the API is form-encoded requests and JSON answers): a Checkout
/// Session is the hosted payment page. Store:Stripe:BaseUrl points elsewhere in tests.
/// </summary>
public sealed class StripeCheckoutProvider(HttpClient http, IOptions<StoreOptions> options, ILogger<StripeCheckoutProvider> logger) : IPaymentProvider
{
    public const string ProviderName = "Stripe";

    public string Name => ProviderName;

    public async Task<HostedSession> CreateSessionAsync(SessionRequest request, CancellationToken ct)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("mode", "payment"),
            new("success_url", request.SuccessUrl),
            new("cancel_url", request.CancelUrl),
            new("client_reference_id", request.OrderNumber),
            new("customer_email", request.CustomerEmail),
            new("line_items[0][quantity]", "1"),
            new("line_items[0][price_data][currency]", request.Currency.ToLowerInvariant()),
            new("line_items[0][price_data][unit_amount]", MinorUnits(request.Amount)),
            new("line_items[0][price_data][product_data][name]", request.Description),
            new("metadata[order_number]", request.OrderNumber),
            new("payment_intent_data[metadata][order_number]", request.OrderNumber),
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, "v1/checkout/sessions") { Content = new FormUrlEncodedContent(form) };
        // Stripe answers a repeated key with the first session instead of opening a second one.
        message.Headers.Add("Idempotency-Key", request.IdempotencyKey);
        using var json = await SendAsync(message, ct);
        var root = json.RootElement;
        var url = root.GetProperty("url").GetString() ?? throw new PaymentProviderException("Stripe returned a session without a URL.");
        var expires = root.TryGetProperty("expires_at", out var e) && e.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeSeconds(e.GetInt64())
            : DateTimeOffset.UtcNow.AddHours(24);
        return new HostedSession(root.GetProperty("id").GetString()!, url, expires);
    }

    public async Task<SessionState> GetSessionAsync(string sessionId, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "v1/checkout/sessions/" + Uri.EscapeDataString(sessionId));
        using var json = await SendAsync(message, ct);
        return ReadSession(json.RootElement);
    }

    public async Task<string> RefundAsync(string paymentReference, decimal amount, string currency, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "v1/refunds")
        {
            Content = new FormUrlEncodedContent([new("payment_intent", paymentReference), new("amount", MinorUnits(amount))]),
        };
        message.Headers.Add("Idempotency-Key", "refund-" + paymentReference);
        using var json = await SendAsync(message, ct);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Reads a Checkout Session object, from the API or from a webhook event's data.object.</summary>
    public static SessionState ReadSession(JsonElement session)
    {
        var amount = session.TryGetProperty("amount_total", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetInt64() / 100m : 0m;
        return new SessionState(
            session.GetProperty("id").GetString()!,
            session.TryGetProperty("payment_status", out var status) && status.GetString() == "paid",
            amount,
            (session.TryGetProperty("currency", out var c) ? c.GetString() : null)?.ToUpperInvariant() ?? "",
            session.TryGetProperty("client_reference_id", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null,
            session.TryGetProperty("payment_intent", out var pi) && pi.ValueKind == JsonValueKind.String ? pi.GetString() : null);
    }

    /// <summary>Amounts go to Stripe in the currency's minor unit: CHF 42.50 is 4250.</summary>
    public static string MinorUnits(decimal amount) => decimal.ToInt64(decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);

    private async Task<JsonDocument> SendAsync(HttpRequestMessage message, CancellationToken ct)
    {
        var key = options.Value.Stripe.SecretKey;
        if (string.IsNullOrEmpty(key))
        {
            throw new PaymentProviderException("Store:Stripe:SecretKey is not set.");
        }
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, ct);
        }
        catch (HttpRequestException e)
        {
            throw new PaymentProviderException("Stripe could not be reached: " + e.Message, e);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                var reason = TryErrorMessage(body) ?? response.ReasonPhrase ?? "unknown error";
                logger.LogWarning("Stripe answered {Status} to {Method} {Path}: {Reason}", (int)response.StatusCode, message.Method, message.RequestUri, reason);
                throw new PaymentProviderException($"Stripe refused the request ({(int)response.StatusCode}): {reason}");
            }
            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                throw new PaymentProviderException("Stripe's answer was not JSON.", e);
            }
        }
    }

    private static string? TryErrorMessage(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("message", out var m) ? m.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
