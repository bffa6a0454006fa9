using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Payments;

namespace Normative.Features.Store.Orders;

/// <summary>
/// What Editors do to orders: record a bank transfer, ship printed copies, cancel an unpaid order,
/// refund a paid one. Each change locks the order row and appends to its history.
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

    public static async Task<string?> ShipAsync(NormativeDb db, long orderId, long lineId, string editor, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await StoreSql.LockOrderAsync(db, orderId, ct);
        await db.Entry(order).Collection(o => o.Lines).LoadAsync(ct);
        var line = order.Lines.FirstOrDefault(l => l.Id == lineId);
        if (line is null || line.Format != ProductFormat.Paper)
        {
            return "Admin.Order.Error.NoSuchLine";
        }
        if (order.Status != OrderStatus.Paid)
        {
            return "Admin.Order.Error.ShipUnpaid";
        }
        if (line.ShippingStatus == ShippingStatus.Shipped)
        {
            return null;
        }
        line.ShippingStatus = ShippingStatus.Shipped;
        line.ShippedAt = now;
        order.Events.Add(new OrderEvent { At = now, By = editor, Kind = OrderEventKind.Shipped, Note = $"{line.LineNumber}: {line.Reference} ({line.Language}) × {line.Quantity}" });
        if (OrderRules.IsFulfilled(order.Lines))
        {
            order.Status = OrderStatus.Fulfilled;
            order.Events.Add(new OrderEvent { At = now, By = editor, Kind = OrderEventKind.Fulfilled });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

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
