namespace Normative.Features.Store.Orders;

/// <summary>The delivery of a printed copy: Pending → Shipped (in a <see cref="Shipment"/>) → Delivered; PDF lines are delivered by download.</summary>
public enum ShippingStatus
{
    NotApplicable,
    Pending,
    Shipped,
    Delivered,
}
