using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace Normative.Features.Store.Payments;

/// <summary>
/// Stripe Checkout through Stripe.net: a Checkout Session is the hosted payment page. Stripe.net
/// sends its own API version with every request (<see cref="ApiVersion"/>, fixed by the pinned
/// package), retries failed calls with their idempotency keys, and checks webhook signatures.
/// Store:Stripe:BaseUrl points it at a local stand-in in tests. Its HttpClient comes from the
/// factory (pooled handlers, traced like every other outgoing call).
/// </summary>
public sealed class StripeCheckoutProvider(HttpClient http, IOptions<StoreOptions> options, ILogger<StripeCheckoutProvider> logger) : IPaymentProvider
{
    public const string ProviderName = "Stripe";

    private readonly StripeClient _stripe = new(new StripeClientOptions
    {
        ApiKey = options.Value.Stripe.SecretKey,
        ApiBase = options.Value.Stripe.BaseUrl.TrimEnd('/'),
        HttpClient = new SystemNetHttpClient(http, maxNetworkRetries: 2),
    });

    /// <summary>
    /// The Stripe API version this code and the webhook endpoint speak. Create the webhook endpoint
    /// with this version; events in another version are refused (their objects may differ).
    /// </summary>
    public const string ApiVersion = "2026-10-28.endive";

    public string Name => ProviderName;

    public async Task<HostedSession> CreateSessionAsync(SessionRequest request, CancellationToken ct)
    {
        var options = new SessionCreateOptions
        {
            Mode = "payment",
            SuccessUrl = request.SuccessUrl,
            CancelUrl = request.CancelUrl,
            ClientReferenceId = request.OrderNumber,
            CustomerEmail = request.CustomerEmail,
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = request.Currency.ToLowerInvariant(),
                        UnitAmount = MinorUnits(request.Amount),
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.Description },
                    },
                },
            ],
            Metadata = new Dictionary<string, string> { ["order_number"] = request.OrderNumber },
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string> { ["order_number"] = request.OrderNumber } },
        };
        // Stripe answers a repeated key with the first session instead of opening a second one.
        var session = await CallAsync(() => new SessionService(_stripe).CreateAsync(options, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, ct), "open a Checkout Session");
        if (string.IsNullOrEmpty(session.Url))
        {
            throw new PaymentProviderException("Stripe returned a session without a URL.");
        }
        var expires = session.ExpiresAt == default ? DateTimeOffset.UtcNow.AddHours(24) : new DateTimeOffset(DateTime.SpecifyKind(session.ExpiresAt, DateTimeKind.Utc));
        return new HostedSession(session.Id, session.Url, expires);
    }

    public async Task<SessionState> GetSessionAsync(string sessionId, CancellationToken ct) =>
        ReadSession(await CallAsync(() => new SessionService(_stripe).GetAsync(sessionId, cancellationToken: ct), "read a Checkout Session"));

    public async Task<string> RefundAsync(string paymentReference, decimal amount, string currency, CancellationToken ct)
    {
        var options = new RefundCreateOptions { PaymentIntent = paymentReference, Amount = MinorUnits(amount) };
        var refund = await CallAsync(() => new RefundService(_stripe).CreateAsync(options, new RequestOptions { IdempotencyKey = "refund-" + paymentReference }, ct), "refund");
        return refund.Id;
    }

    /// <summary>What a Checkout Session says, from the API or from a webhook event's data.</summary>
    public static SessionState ReadSession(Session session) => new(
        session.Id,
        session.PaymentStatus == "paid",
        (session.AmountTotal ?? 0) / 100m,
        session.Currency?.ToUpperInvariant() ?? "",
        session.ClientReferenceId,
        session.PaymentIntentId);

    /// <summary>Amounts go to Stripe in the currency's minor unit: CHF 42.50 is 4250.</summary>
    public static long MinorUnits(decimal amount) => decimal.ToInt64(decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero));

    private async Task<T> CallAsync<T>(Func<Task<T>> call, string what)
    {
        try
        {
            return await call();
        }
        catch (StripeException e)
        {
            logger.LogWarning("Stripe refused to {What} ({Status}): {Reason}", what, (int)e.HttpStatusCode, e.StripeError?.Message ?? e.Message);
            throw new PaymentProviderException($"Stripe refused the request ({(int)e.HttpStatusCode}): {e.StripeError?.Message ?? e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new PaymentProviderException("Stripe could not be reached: " + e.Message, e);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            throw new PaymentProviderException("Stripe did not answer in time.", e);
        }
    }
}
