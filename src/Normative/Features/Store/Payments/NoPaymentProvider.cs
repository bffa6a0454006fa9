namespace Normative.Features.Store.Payments;

/// <summary>
/// The provider of a site that takes no card payments (neither Stripe nor the test provider is
/// configured): it opens no payment page and has no sessions, so a card order still open waits
/// and says the payment page cannot be opened.
/// </summary>
public sealed class NoPaymentProvider : IPaymentProvider
{
    public const string ProviderName = "None";

    public string Name => ProviderName;

    public Task<HostedSession> CreateSessionAsync(SessionRequest request, CancellationToken ct) =>
        throw new PaymentProviderException("No card payment provider is configured (Store:Stripe:SecretKey).");

    public Task<SessionState> GetSessionAsync(string sessionId, CancellationToken ct) =>
        throw new PaymentProviderException("No card payment provider is configured (Store:Stripe:SecretKey).");

    public Task<string> RefundAsync(string paymentReference, decimal amount, string currency, CancellationToken ct) =>
        throw new PaymentProviderException("No card payment provider is configured (Store:Stripe:SecretKey).");
}
