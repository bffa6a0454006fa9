using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Store.Orders;

namespace Normative.Features.Store;

/// <summary>
/// The store's SQL that LINQ cannot say, in one place, every value a parameter: rows written once
/// whatever the concurrency (INSERT … ON CONFLICT DO NOTHING against a unique index: a payment, a
/// provider's event, alert notices), the order row lock that makes status changes take turns
/// (FOR UPDATE), the alert scan's advisory lock, the shipping zones' table lock, and the search for
/// supplements by reference (LIKE ANY). Everything else in the store goes through LINQ.
/// </summary>
public static class StoreSql
{
    /// <summary>The advisory lock key of the alert scan ("NrmAlrt"): the same for every instance.</summary>
    public const long AlertScanLock = 0x4E726D416C7274;

    /// <summary>An alert notice that was inserted.</summary>
    public sealed record NoticeKey(string UserId, int DeliverableId, string ChangeKey);

    /// <summary>Loads the order and locks its row until the transaction ends, so status changes take turns.</summary>
    public static async Task<Order> LockOrderAsync(NormativeDb db, long orderId, CancellationToken ct)
    {
        var order = await db.Orders.FromSql($"SELECT * FROM orders WHERE id = {orderId} FOR UPDATE").SingleAsync(ct);
        // An instance tracked before the lock may be stale; read the row again now that it is ours.
        await db.Entry(order).ReloadAsync(ct);
        return order;
    }

    /// <summary>
    /// The next number of an invoice or credit note in <paramref name="year"/>, gap-free: the
    /// counter row is updated in the caller's transaction, so a rollback gives the number back.
    /// </summary>
    public static async Task<string> NextDocumentNumberAsync(NormativeDb db, DocumentKind kind, int year, CancellationToken ct)
    {
        var (name, prefix) = kind == DocumentKind.Invoice ? ("invoice", "INV") : ("credit-note", "CN");
        var n = await db.Database.SqlQuery<int>($"""
            INSERT INTO document_counters (kind, year, last) VALUES ({name}, {year}, 1)
            ON CONFLICT (kind, year) DO UPDATE SET last = document_counters.last + 1
            RETURNING last AS "Value"
            """).ToListAsync(ct);
        return $"{prefix}-{year}-{n.Single():D6}";
    }

    /// <summary>Inserts the order's payment unless it has one (unique on order and kind); true if this call inserted it.</summary>
    public static async Task<bool> InsertPaymentOnceAsync(NormativeDb db, long orderId, string provider, string? reference, decimal amount, string currency,
        DateTimeOffset at, string by, CancellationToken ct)
    {
        var inserted = await db.Database.SqlQuery<long>($"""
            INSERT INTO payments (order_id, kind, provider, reference, amount, currency, at, recorded_by)
            VALUES ({orderId}, 'Payment', {provider}, {reference}, {amount}, {currency}, {at}, {by})
            ON CONFLICT DO NOTHING
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return inserted.Count > 0;
    }

    /// <summary>Remembers a provider's event unless it was seen before; true if it is new.</summary>
    public static async Task<bool> InsertWebhookEventOnceAsync(NormativeDb db, string provider, string eventId, string type, DateTimeOffset at, CancellationToken ct)
    {
        var fresh = await db.Database.SqlQuery<string>($"""
            INSERT INTO webhook_events (provider, event_id, type, received_at)
            VALUES ({provider}, {eventId}, {type}, {at})
            ON CONFLICT DO NOTHING
            RETURNING event_id AS "Value"
            """).ToListAsync(ct);
        return fresh.Count > 0;
    }

    /// <summary>Takes the alert scan's lock for the transaction, or returns false when another instance holds it.</summary>
    public static Task<bool> TryLockAlertScanAsync(NormativeDb db, CancellationToken ct) =>
        db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({AlertScanLock}) AS \"Value\"").SingleAsync(ct);

    /// <summary>Supplements whose reference starts like one of <paramref name="patterns"/> (LIKE patterns, already escaped).</summary>
    public static Task<List<Deliverable>> SupplementsLikeAsync(NormativeDb db, string[] patterns, CancellationToken ct) =>
        db.Deliverables
            .FromSql($"SELECT * FROM deliverables WHERE supplement_type IS NOT NULL AND reference LIKE ANY ({patterns})")
            .AsNoTracking()
            .ToListAsync(ct);

    /// <summary>
    /// Inserts alert notices in one statement, the columns given side by side; a notice that exists
    /// (same buyer, deliverable and change) is left alone. Returns the notices this call inserted.
    /// </summary>
    public static Task<List<NoticeKey>> InsertAlertNoticesAsync(NormativeDb db, string[] userIds, int[] deliverableIds, string[] changeKeys, string[] kinds,
        int?[] newDeliverableIds, DateTimeOffset now, DateTimeOffset? mailedAt, CancellationToken ct) =>
        db.Database.SqlQuery<NoticeKey>($"""
            INSERT INTO alert_notices (user_id, deliverable_id, change_key, kind, new_deliverable_id, created_at, mailed_at)
            SELECT n.user_id, n.deliverable_id, n.change_key, n.kind, n.new_deliverable_id, {now}::timestamptz, {mailedAt}::timestamptz
            FROM unnest({userIds}::text[], {deliverableIds}::int[], {changeKeys}::text[], {kinds}::text[], {newDeliverableIds}::int[]) AS n(user_id, deliverable_id, change_key, kind, new_deliverable_id)
            ON CONFLICT DO NOTHING
            RETURNING user_id AS "UserId", deliverable_id AS "DeliverableId", change_key AS "ChangeKey"
            """).ToListAsync(ct);

    /// <summary>A subscription notice that was inserted.</summary>
    public sealed record SubscriptionNoticeKey(long SubscriptionId, int DeliverableId);

    /// <summary>
    /// Records, in one statement, each of the deliverables for each of the subscriptions, except
    /// those recorded before (unique on subscription and deliverable). Returns the pairs this call inserted.
    /// </summary>
    public static Task<List<SubscriptionNoticeKey>> InsertSubscriptionNoticesAsync(NormativeDb db, long[] subscriptionIds, int[] deliverableIds,
        DateTimeOffset now, DateTimeOffset? mailedAt, CancellationToken ct) =>
        db.Database.SqlQuery<SubscriptionNoticeKey>($"""
            INSERT INTO subscription_notices (subscription_id, deliverable_id, created_at, mailed_at)
            SELECT s.id, d.id, {now}::timestamptz, {mailedAt}::timestamptz
            FROM unnest({subscriptionIds}::bigint[]) AS s(id) CROSS JOIN unnest({deliverableIds}::int[]) AS d(id)
            ON CONFLICT DO NOTHING
            RETURNING subscription_id AS "SubscriptionId", deliverable_id AS "DeliverableId"
            """).ToListAsync(ct);

    /// <summary>Locks the shipping zones until the transaction ends: saves of the whole set take turns.</summary>
    public static Task LockShippingZonesAsync(NormativeDb db, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"LOCK TABLE shipping_zones IN SHARE ROW EXCLUSIVE MODE", ct);
}
