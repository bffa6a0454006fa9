namespace Normative.Features.Store.Orders;

/// <summary>The delivery of a printed copy; PDF lines are delivered by download.</summary>
public enum ShippingStatus
{
    NotApplicable,
    Pending,
    Shipped,
}
