namespace Normative.Features.Store.Payments;

/// <summary>
/// Which provider takes card payments, decided once at start-up: Stripe when a secret key is
/// configured; else the test provider, but only in Development or when Store:TestProvider is true
/// (a public site must never let buyers "pay" on the test page); else none, and buyers pay by invoice.
/// </summary>
public sealed record CardPayments(string? Provider)
{
    public bool Available => Provider is not null;

    public bool TestProvider => Provider == TestPaymentProvider.ProviderName;

    public static CardPayments From(StoreOptions options, bool isDevelopment) =>
        !string.IsNullOrEmpty(options.Stripe.SecretKey) ? new(StripeCheckoutProvider.ProviderName)
        : options.TestProvider ?? isDevelopment ? new(TestPaymentProvider.ProviderName)
        : new((string?)null);
}
