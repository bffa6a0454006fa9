namespace Normative.Features.Store.Checkout;

/// <summary>How the buyer pays: by bank transfer against a pro-forma invoice, or by card on the provider's hosted page.</summary>
public enum PaymentMethod
{
    Invoice,
    Card,
}
