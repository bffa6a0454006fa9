namespace Normative.Features.Store.Payments;

/// <summary>
/// The payment provider boundary: a hosted payment page the buyer is sent to, so card data never
/// reaches Normative. Implemented by Stripe Checkout and by a test provider for development.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>"Stripe" or "Test": stored with sessions and payments.</summary>
    string Name { get; }

    Task<HostedSession> CreateSessionAsync(SessionRequest request, CancellationToken ct);

    /// <summary>Asks the provider how the session stands (never trusts the buyer's browser).</summary>
    Task<SessionState> GetSessionAsync(string sessionId, CancellationToken ct);

    /// <summary>Gives the money back for a payment the provider took.</summary>
    Task<string> RefundAsync(string paymentReference, decimal amount, string currency, CancellationToken ct);
}
