namespace Normative.Features.Store.Orders;

/// <summary>The order life cycle: Placed → Paid → Fulfilled; Placed → Cancelled; Paid or Fulfilled → Refunded; and its printed copies' Pending → Shipped → Delivered.</summary>
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
        lines.All(l => l.Format != ProductFormat.Paper || l.ShippingStatus is ShippingStatus.Shipped or ShippingStatus.Delivered);

    /// <summary>A printed copy leaves once, when it waits to be shipped and the order is paid (not before, nor after a refund).</summary>
    public static bool CanShip(OrderStatus order, ShippingStatus line) => order == OrderStatus.Paid && line == ShippingStatus.Pending;

    /// <summary>A parcel is delivered once, after it was shipped.</summary>
    public static bool CanDeliver(Shipment shipment) => shipment.DeliveredAt is null;

    /// <summary>What is wrong with a parcel about to be shipped, as a resource key; null when it can go.</summary>
    public static string? CheckShipment(string? carrier, string? trackingReference, string? trackingUrl, int lines) =>
        carrier is not { Length: > 0 and <= Shipment.MaxCarrier } ? "Admin.Ship.Error.Carrier"
        : trackingReference is not { Length: > 0 and <= Shipment.MaxTrackingReference } ? "Admin.Ship.Error.Tracking"
        : trackingUrl is not null && !IsTrackingUrl(trackingUrl) ? "Admin.Ship.Error.TrackingUrl"
        : lines == 0 ? "Admin.Ship.Error.NoLines"
        : null;

    /// <summary>A tracking address the buyer is sent to: an absolute http or https address (never javascript: or a file).</summary>
    public static bool IsTrackingUrl(string url) =>
        url.Length <= Shipment.MaxTrackingUrl && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
