namespace Normative.Features.Store.Payments;

/// <summary>
/// A hosted payment page to open. <see cref="SuccessUrl"/> may contain "{CHECKOUT_SESSION_ID}",
/// which the provider replaces with the session's id when it sends the buyer back.
/// </summary>
public sealed record SessionRequest(
    string OrderNumber, string Description, decimal Amount, string Currency, string CustomerEmail,
    string SuccessUrl, string CancelUrl, string IdempotencyKey);
