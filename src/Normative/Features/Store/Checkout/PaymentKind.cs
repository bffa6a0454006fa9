namespace Normative.Features.Store.Checkout;

/// <summary>Money received for an order, or given back.</summary>
public enum PaymentKind
{
    Payment,
    Refund,
}
