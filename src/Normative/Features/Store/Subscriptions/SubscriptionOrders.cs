using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Store.Orders;

namespace Normative.Features.Store.Subscriptions;

/// <summary>What paying an order does for the collections in it: each subscription line becomes a subscription.</summary>
public static class SubscriptionOrders
{
    /// <summary>
    /// Called in the transaction that marks the order paid: makes the subscription of each
    /// subscription line (once: the unique index on the line), and records what its collection
    /// covers now as known, so the subscriber is only ever mailed about what joins later.
    /// </summary>
    public static async Task StartAsync(NormativeDb db, Order order, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var lines = order.Lines.Where(l => l.CollectionId is not null).ToList();
        if (lines.Count == 0)
        {
            return;
        }
        var lineIds = lines.Select(l => l.Id).ToList();
        var made = await db.Subscriptions.Where(s => lineIds.Contains(s.OrderLineId)).Select(s => s.OrderLineId).ToListAsync(ct);
        var collectionIds = lines.Select(l => l.CollectionId!.Value).Distinct().ToList();
        var running = await db.Subscriptions
            .Where(s => s.UserId == order.UserId && collectionIds.Contains(s.CollectionId) && s.EndsAt > now)
            .Where(s => db.Orders.Any(o => o.Id == s.OrderId && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Fulfilled)))
            .GroupBy(s => s.CollectionId)
            .Select(g => new { CollectionId = g.Key, Until = g.Max(s => s.EndsAt) })
            .ToDictionaryAsync(x => x.CollectionId, x => x.Until, ct);
        var started = new List<Subscription>();
        foreach (var line in lines.Where(l => !made.Contains(l.Id)).OrderBy(l => l.LineNumber))
        {
            var collectionId = line.CollectionId!.Value;
            var (starts, ends) = SubscriptionRules.Period(now, running.TryGetValue(collectionId, out var until) ? until : (DateTimeOffset?)null);
            var subscription = new Subscription
            {
                OrderId = order.Id, OrderLineId = line.Id, CollectionId = collectionId, UserId = order.UserId, StartsAt = starts, EndsAt = ends,
            };
            db.Subscriptions.Add(subscription);
            started.Add(subscription);
            running[collectionId] = ends;
        }
        if (started.Count == 0)
        {
            return;
        }
        await db.SaveChangesAsync(ct);
        var collections = await db.Collections.AsNoTracking().Where(c => collectionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var group in started.GroupBy(s => s.CollectionId))
        {
            var covered = await CollectionCoverage.ResolveAsync(db, collections[group.Key], ct);
            await StoreSql.InsertSubscriptionNoticesAsync(db, group.Select(s => s.Id).ToArray(), covered.ToArray(), now, mailedAt: null, ct);
        }
    }
}
