namespace Normative.Features.Store.Orders;

/// <summary>The order life cycle: Placed → Paid → Fulfilled; Placed → Cancelled; Paid or Fulfilled → Refunded.</summary>
public static class OrderRules
{
    public static bool CanBecome(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.Placed, OrderStatus.Paid) => true,
        (OrderStatus.Placed, OrderStatus.Cancelled) => true,
        (OrderStatus.Paid, OrderStatus.Fulfilled) => true,
        (OrderStatus.Paid, OrderStatus.Refunded) => true,
        (OrderStatus.Fulfilled, OrderStatus.Refunded) => true,
        _ => false,
    };

    /// <summary>PDFs can be downloaded once the order is paid, and not after a refund.</summary>
    public static bool DownloadsOpen(OrderStatus status) => status is OrderStatus.Paid or OrderStatus.Fulfilled;

    /// <summary>
    /// An order is fulfilled when every printed copy has shipped (PDFs are delivered by download once
    /// paid, reading online at once).
    /// </summary>
    public static bool IsFulfilled(IEnumerable<OrderLine> lines) =>
        lines.All(l => l.Format != ProductFormat.Paper || l.ShippingStatus == ShippingStatus.Shipped);
}
