namespace Normative.Features.Store.Orders;

/// <summary>The accounting documents of an order, each numbered without gaps per year.</summary>
public enum DocumentKind
{
    Invoice,
    CreditNote,
}
