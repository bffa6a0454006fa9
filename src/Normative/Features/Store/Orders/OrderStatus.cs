namespace Normative.Features.Store.Orders;

/// <summary>Where an order stands: Placed → Paid → Fulfilled, or Cancelled before payment, or Refunded after it.</summary>
public enum OrderStatus
{
    Placed,
    Paid,
    Fulfilled,
    Cancelled,
    Refunded,
}
