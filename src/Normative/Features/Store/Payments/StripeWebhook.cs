using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Store.Checkout;

namespace Normative.Features.Store.Payments;

/// <summary>
/// Stripe's events. The signature is checked over the raw body before anything else (a bad or stale
/// one is refused, logged, nothing changed); each event id is handled once (a replay is ignored); a
/// completed Checkout Session that is paid records the order's payment.
/// </summary>
public static class StripeWebhook
{
    public enum Outcome
    {
        Handled,
        Duplicate,
        Refused,
    }

    /// <summary>What became of an event; a refused one says why (<paramref name="Problem"/>, with a <paramref name="Title"/> for a bad signature).</summary>
    public sealed record Result(Outcome Outcome, string? Problem = null, string? Title = null);

    private const string BadSignature = "Invalid webhook signature";

    /// <param name="from">The sender's address, for the log.</param>
    public static async Task<Result> HandleAsync(NormativeDb db, StoreMail mail, StoreOptions.StripeOptions stripe, string payload, string signature,
        string? from, DateTimeOffset now, ILogger logger, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            logger.LogWarning("Rejected a Stripe webhook from {Address}: no signature", from);
            return new(Outcome.Refused, "The Stripe-Signature header is missing.", BadSignature);
        }
        Stripe.Event stripeEvent;
        try
        {
            // Checks the signature, the timestamp against the tolerance and the event's API version.
            stripeEvent = Stripe.EventUtility.ConstructEvent(payload, signature, stripe.WebhookSecret,
                stripe.ToleranceSeconds, now.ToUnixTimeSeconds(), throwOnApiVersionMismatch: true);
        }
        catch (Exception e) when (e is Stripe.StripeException or Newtonsoft.Json.JsonException or ArgumentException)
        {
            logger.LogWarning("Rejected a Stripe webhook from {Address}: {Reason}", from, e.Message);
            return new(Outcome.Refused, e.Message, BadSignature);
        }
        var eventId = stripeEvent.Id ?? "";
        var type = stripeEvent.Type ?? "";
        if (eventId.Length is 0 or > 200)
        {
            return new(Outcome.Refused, "The event has no usable id.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await StoreSql.InsertWebhookEventOnceAsync(db, StripeCheckoutProvider.ProviderName, eventId, type.Length > 100 ? type[..100] : type, now, ct))
        {
            await tx.CommitAsync(ct);
            logger.LogInformation("Stripe event {Event} was already handled", eventId);
            return new(Outcome.Duplicate);
        }
        if (type is "checkout.session.completed" or "checkout.session.async_payment_succeeded"
            && stripeEvent.Data?.Object is Stripe.Checkout.Session checkoutSession)
        {
            var state = StripeCheckoutProvider.ReadSession(checkoutSession);
            var session = await db.PaymentSessions.AsNoTracking()
                .SingleOrDefaultAsync(x => x.Provider == StripeCheckoutProvider.ProviderName && x.ProviderSessionId == state.Id, ct);
            if (session is null)
            {
                logger.LogWarning("Stripe event {Event} is about session {Session}, which no order has", eventId, state.Id);
            }
            else if (state.Paid)
            {
                await OrderPayments.RecordProviderPaymentAsync(db, mail, session.OrderId, StripeCheckoutProvider.ProviderName, state, now, logger, ct);
            }
        }
        await tx.CommitAsync(ct);
        return new(Outcome.Handled);
    }
}
