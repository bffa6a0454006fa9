using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Payments;

namespace Normative.Features.Store.Orders;

/// <summary>
/// What Editors do to orders: record a bank transfer, ship printed copies and record their delivery,
/// cancel an unpaid order, refund a paid one. Each change locks the order row and appends to its history.
/// </summary>
public static class OrderAdministration
{
    public const string BankTransfer = "BankTransfer";

    /// <summary>Returns a resource key for the problem, or null when done.</summary>
    public static async Task<string?> MarkPaidAsync(NormativeDb db, StoreMail mail, long orderId, string? bankReference, string editor, DateTimeOffset now,
        ILogger logger, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId, ct);
        if (order.Status != OrderStatus.Placed)
        {
            return "Admin.Order.Error.NotPlaced";
        }
        var reference = string.IsNullOrWhiteSpace(bankReference) ? null : bankReference.Trim();
        if (reference is { Length: > 200 })
        {
            return "Checkout.Error.TooLong";
        }
        var payment = new Payment
        {
            OrderId = orderId, Kind = PaymentKind.Payment, Provider = BankTransfer, Reference = reference,
            Amount = order.Total, Currency = order.Currency, At = now, RecordedBy = editor,
        };
        return await OrderPayments.RecordAsync(db, mail, payment, logger, ct)
            ? null
            : "Admin.Order.Error.AlreadyPaid";
    }

    /// <summary>
    /// Ships printed copies of a paid order in one parcel, with the carrier and its tracking reference
    /// (and where to follow it): the parcel is recorded, its lines are shipped, the order's history says
    /// so, the buyer gets a mail, and the order is fulfilled once every printed copy has left. Returns a
    /// resource key for the problem, or null when done; refused, nothing changes.
    /// </summary>
    public static async Task<string?> ShipAsync(NormativeDb db, StoreMail mail, long orderId, IReadOnlyCollection<long> lineIds, string? carrier, string? trackingReference,
        string? trackingUrl, string editor, DateTimeOffset now, CancellationToken ct)
    {
        var (by, reference, url) = (CheckoutRules.Clean(carrier), CheckoutRules.Clean(trackingReference), CheckoutRules.Clean(trackingUrl));
        if (OrderRules.CheckShipment(by, reference, url, lineIds.Count) is { } problem)
        {
            return problem;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await StoreSql.LockOrderAsync(db, orderId, ct);
        await db.Entry(order).Collection(o => o.Lines).LoadAsync(ct);
        var lines = order.Lines.Where(l => lineIds.Contains(l.Id)).OrderBy(l => l.LineNumber).ToList();
        if (lines.Count != lineIds.Distinct().Count() || lines.Any(l => l.Format != ProductFormat.Paper))
        {
            return "Admin.Order.Error.NoSuchLine";
        }
        if (lines.Any(l => l.ShippingStatus != ShippingStatus.Pending))
        {
            return "Admin.Ship.Error.AlreadyShipped";
        }
        if (!lines.All(l => OrderRules.CanShip(order.Status, l.ShippingStatus)))
        {
            return order.Status == OrderStatus.Placed ? "Admin.Order.Error.ShipUnpaid" : "Admin.Ship.Error.Closed";
        }
        var shipment = new Shipment { OrderId = order.Id, Carrier = by!, TrackingReference = reference!, TrackingUrl = url, ShippedAt = now, ShippedBy = editor };
        db.Shipments.Add(shipment);
        // The parcel's id comes from the database; its lines point to it, in the same transaction.
        await db.SaveChangesAsync(ct);
        foreach (var line in lines)
        {
            line.ShippingStatus = ShippingStatus.Shipped;
            line.ShippedAt = now;
            line.ShipmentId = shipment.Id;
        }
        order.Events.Add(new OrderEvent { At = now, By = editor, Kind = OrderEventKind.Shipped, Note = $"{by} {reference}: {Describe(lines)}" });
        if (OrderRules.IsFulfilled(order.Lines))
        {
            order.Status = OrderStatus.Fulfilled;
            order.Events.Add(new OrderEvent { At = now, By = editor, Kind = OrderEventKind.Fulfilled });
        }
        mail.QueueShipped(db, order, shipment, lines);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>
    /// Records that a parcel was delivered: its lines are delivered, the order's history says so and
    /// the buyer gets a mail. Refused, with nothing changed, for a parcel the order never sent or one
    /// already delivered.
    /// </summary>
    public static async Task<string?> DeliverAsync(NormativeDb db, StoreMail mail, long orderId, long shipmentId, string editor, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await StoreSql.LockOrderAsync(db, orderId, ct);
        await db.Entry(order).Collection(o => o.Lines).LoadAsync(ct);
        await db.Entry(order).Collection(o => o.Shipments).LoadAsync(ct);
        var shipment = order.Shipments.FirstOrDefault(s => s.Id == shipmentId);
        if (shipment is null)
        {
            return "Admin.Ship.Error.NotShipped";
        }
        if (!OrderRules.CanDeliver(shipment))
        {
            return "Admin.Ship.Error.AlreadyDelivered";
        }
        shipment.DeliveredAt = now;
        shipment.DeliveredBy = editor;
        var lines = order.Lines.Where(l => l.ShipmentId == shipment.Id).OrderBy(l => l.LineNumber).ToList();
        foreach (var line in lines)
        {
            line.ShippingStatus = ShippingStatus.Delivered;
        }
        order.Events.Add(new OrderEvent { At = now, By = editor, Kind = OrderEventKind.Delivered, Note = $"{shipment.Carrier} {shipment.TrackingReference}: {Describe(lines)}" });
        mail.QueueDelivered(db, order, shipment, lines);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    private static string Describe(IEnumerable<OrderLine> lines) =>
        string.Join(", ", lines.Select(l => $"{l.LineNumber}: {l.Reference} ({l.Language}) × {l.Quantity}"));

    public static async Task<string?> CancelAsync(NormativeDb db, StoreMail mail, long orderId, string? note, string editor, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await StoreSql.LockOrderAsync(db, orderId, ct);
        if (!OrderRules.CanBecome(order.Status, OrderStatus.Cancelled))
        {
            return "Admin.Order.Error.CannotCancel";
        }
        order.Status = OrderStatus.Cancelled;
        order.Events.Add(new OrderEvent { At = now, By = editor, Kind = OrderEventKind.Cancelled, Note = Note(note) });
        mail.QueueCancellation(db, order, Note(note));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>Refunds a paid order: through the provider that took a card payment; a bank transfer is paid back by hand and recorded here.</summary>
    public static async Task<string?> RefundAsync(NormativeDb db, IPaymentProvider provider, StoreMail mail, long orderId, string? note, string editor, DateTimeOffset now,
        ILogger logger, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await StoreSql.LockOrderAsync(db, orderId, ct);
        if (!OrderRules.CanBecome(order.Status, OrderStatus.Refunded))
        {
            return "Admin.Order.Error.CannotRefund";
        }
        var payment = await db.Payments.SingleOrDefaultAsync(p => p.OrderId == orderId && p.Kind == PaymentKind.Payment, ct);
        if (payment is null)
        {
            return "Admin.Order.Error.CannotRefund";
        }
        string? reference = null;
        if (payment.Provider == provider.Name && payment.Reference is not null)
        {
            try
            {
                reference = await provider.RefundAsync(payment.Reference, payment.Amount, payment.Currency, ct);
            }
            catch (PaymentProviderException e)
            {
                logger.LogWarning(e, "Refund of order {Order} failed at {Provider}", order.Number, provider.Name);
                return "Admin.Order.Error.RefundFailed";
            }
        }
        db.Payments.Add(new Payment
        {
            OrderId = orderId, Kind = PaymentKind.Refund, Provider = payment.Provider, Reference = reference,
            Amount = payment.Amount, Currency = payment.Currency, At = now, RecordedBy = editor,
        });
        order.Status = OrderStatus.Refunded;
        order.RefundedAt = now;
        order.CreditNoteNumber = await StoreSql.NextDocumentNumberAsync(db, DocumentKind.CreditNote, now.UtcDateTime.Year, ct);
        order.Events.Add(new OrderEvent { At = now, By = editor, Kind = OrderEventKind.Refunded, Note = Note(note) ?? reference });
        await db.Entry(order).Collection(o => o.Lines).LoadAsync(ct);
        mail.QueueRefund(db, order, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    private static string? Note(string? note) => CheckoutRules.Clean(note) is { } n ? (n.Length > 1000 ? n[..1000] : n) : null;
}
