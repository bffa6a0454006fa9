namespace Normative.Features.Store.Orders;

/// <summary>What happened to an order, in its append-only history.</summary>
public enum OrderEventKind
{
    Placed,
    InvoiceSent,
    PaymentStarted,
    Paid,
    Fulfilled,
    Shipped,
    Cancelled,
    Refunded,
    PaymentProblem,
    Delivered,
    SeatAssigned,
    SeatReleased,
}
