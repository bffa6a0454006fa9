using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Store.Alerts;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Payments;
using Normative.Features.Store.Subscriptions;

namespace Normative.Features.Store.Checkout;

/// <summary>
/// Payments for orders: opening the provider's hosted page, confirming a payment with the provider,
/// and recording it exactly once. "Once" rests on the database: the unique index on
/// payments(order_id, kind) with INSERT … ON CONFLICT DO NOTHING, and the order row locked while
/// its status changes, so a reloaded page, a replayed webhook or a hundred confirmations at once
/// record one payment, one status change and one confirmation mail.
/// </summary>
public static class OrderPayments
{
    /// <summary>
    /// Where to send a buyer who pays a card order now: the provider's hosted page (an open one is
    /// reused), or the order's page when it no longer waits for a card payment; null when the
    /// provider cannot open a page (not configured, refusing or unreachable).
    /// </summary>
    public static async Task<string?> PaymentPageAsync(NormativeDb db, IPaymentProvider provider, string sellerName, Order order, string origin,
        DateTimeOffset now, ILogger logger, CancellationToken ct)
    {
        try
        {
            return await StartAsync(db, provider, sellerName, order.Id, origin, now, ct) ?? StoreLinks.Order(order.Number);
        }
        catch (PaymentProviderException e)
        {
            logger.LogWarning(e, "The payment page for order {Order} could not be opened", order.Number);
            return null;
        }
    }

    private static async Task<string?> StartAsync(NormativeDb db, IPaymentProvider provider, string sellerName, long orderId, string origin, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await StoreSql.LockOrderAsync(db, orderId, ct);
        if (order.Status != OrderStatus.Placed || order.PaymentMethod != PaymentMethod.Card)
        {
            return null;
        }
        var open = await db.PaymentSessions.AsNoTracking()
            .Where(s => s.OrderId == orderId && s.Provider == provider.Name && s.ExpiresAt > now.AddMinutes(5))
            .OrderByDescending(s => s.CreatedAt)
            .FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            await tx.CommitAsync(ct);
            return open.Url;
        }
        var attempt = await db.PaymentSessions.CountAsync(s => s.OrderId == orderId, ct) + 1;
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == orderId).OrderBy(l => l.LineNumber).Select(l => l.Reference).ToListAsync(ct);
        var description = $"{sellerName} — {order.Number}: {string.Join(", ", lines)}";
        var session = await provider.CreateSessionAsync(new SessionRequest(
            order.Number,
            description.Length > 200 ? description[..199] + "…" : description,
            order.Total,
            order.Currency,
            order.BillingEmail,
            origin + StoreLinks.Confirmation(order.Number),
            origin + StoreLinks.Order(order.Number, payment: "cancelled"),
            $"order-{order.Number}-{attempt}"), ct);
        db.PaymentSessions.Add(new PaymentSession
        {
            OrderId = orderId,
            Provider = provider.Name,
            ProviderSessionId = session.Id,
            Url = session.Url,
            Amount = order.Total,
            CreatedAt = now,
            ExpiresAt = session.ExpiresAt,
        });
        order.Events.Add(new OrderEvent { At = now, By = provider.Name, Kind = OrderEventKind.PaymentStarted, Note = session.Id });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return session.Url;
    }

    /// <summary>The buyer came back from the hosted page: asks the provider whether the session is paid and records it.</summary>
    public static async Task<bool> ConfirmAsync(NormativeDb db, IPaymentProvider provider, StoreMail mail, long orderId, string sessionId,
        DateTimeOffset now, ILogger logger, CancellationToken ct)
    {
        var session = await db.PaymentSessions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.OrderId == orderId && s.Provider == provider.Name && s.ProviderSessionId == sessionId, ct);
        if (session is null)
        {
            return false;
        }
        if (await db.Payments.AnyAsync(p => p.OrderId == orderId && p.Kind == PaymentKind.Payment, ct))
        {
            return true;
        }
        var state = await provider.GetSessionAsync(sessionId, ct);
        return state.Paid && await RecordProviderPaymentAsync(db, mail, orderId, provider.Name, state, now, logger, ct);
    }

    /// <summary>A paid session reported by the provider (on return or by webhook): checked against the order, then recorded.</summary>
    public static async Task<bool> RecordProviderPaymentAsync(NormativeDb db, StoreMail mail, long orderId, string providerName, SessionState state,
        DateTimeOffset now, ILogger logger, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId, ct);
        if (state.Amount != order.Total || !string.Equals(state.Currency, order.Currency, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Order {Order}: {Provider} reports {Amount} {Currency} paid, the order is {Total} {OrderCurrency}; not recorded",
                order.Number, providerName, state.Amount, state.Currency, order.Total, order.Currency);
            db.OrderEvents.Add(new OrderEvent
            {
                OrderId = orderId, At = now, By = providerName, Kind = OrderEventKind.PaymentProblem,
                Note = $"Session {state.Id} paid {state.Amount} {state.Currency}; the order total is {order.Total} {order.Currency}.",
            });
            await db.SaveChangesAsync(ct);
            return false;
        }
        var payment = new Payment
        {
            OrderId = orderId, Kind = PaymentKind.Payment, Provider = providerName, Reference = state.PaymentReference ?? state.Id,
            Amount = state.Amount, Currency = state.Currency, At = now, RecordedBy = providerName,
        };
        return await RecordAsync(db, mail, payment, logger, ct);
    }

    /// <summary>
    /// Records a payment once. Returns true if this call recorded it. Joins the caller's transaction
    /// if there is one (the webhook handler's), else runs in its own.
    /// </summary>
    public static async Task<bool> RecordAsync(NormativeDb db, StoreMail mail, Payment payment, ILogger logger, CancellationToken ct)
    {
        var (now, by) = (payment.At, payment.RecordedBy);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (!await StoreSql.InsertPaymentOnceAsync(db, payment.OrderId, payment.Provider, payment.Reference, payment.Amount, payment.Currency, now, by, ct))
            {
                if (own is not null)
                {
                    await own.CommitAsync(ct);
                }
                return false;
            }
            var order = await StoreSql.LockOrderAsync(db, payment.OrderId, ct);
            await db.Entry(order).Collection(o => o.Lines).LoadAsync(ct);
            if (!OrderRules.CanBecome(order.Status, OrderStatus.Paid))
            {
                logger.LogWarning("Order {Order} received a payment while {Status}; it must be refunded", order.Number, order.Status);
                order.Events.Add(new OrderEvent { At = now, By = by, Kind = OrderEventKind.PaymentProblem, Note = $"Payment {payment.Reference} received while the order was {order.Status}: refund it." });
            }
            else
            {
                order.Status = OrderStatus.Paid;
                order.PaidAt = now;
                order.InvoiceNumber = await StoreSql.NextDocumentNumberAsync(db, DocumentKind.Invoice, now.UtcDateTime.Year, ct);
                order.Events.Add(new OrderEvent { At = now, By = by, Kind = OrderEventKind.Paid, Note = $"{payment.Provider} {payment.Reference}".Trim() });
                if (OrderRules.IsFulfilled(order.Lines))
                {
                    order.Status = OrderStatus.Fulfilled;
                    order.Events.Add(new OrderEvent { At = now, By = by, Kind = OrderEventKind.Fulfilled });
                }
                // Changes the buyer could already see when buying are not news: they are never mailed.
                await AlertScan.RecordKnownAsync(db, order.UserId, order.Lines.Where(l => l.DeliverableId != null).Select(l => l.DeliverableId!.Value), now, ct);
                await SubscriptionOrders.StartAsync(db, order, now, ct);
                mail.QueueConfirmation(db, order, now);
            }
            await db.SaveChangesAsync(ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
            return true;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }
}
