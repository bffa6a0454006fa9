using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Store.Orders;

namespace Normative.Features.Store.Subscriptions;

/// <summary>
/// The update service: what joined a collection since someone subscribed — a new edition, an
/// amendment, a corrigendum, a new standard under its rule — is recorded once per subscription
/// and deliverable and mailed to those who use the subscription (its buyer, or the holders of its
/// named seats), one mail per person and scan. Runs inside the
/// store's alert scan (<see cref="Alerts.StoreAlerts.ScanAsync"/>), under its lock, so the
/// background job, the command line and the catalogue's import hook all bring it.
/// </summary>
public static class SubscriptionUpdates
{
    /// <summary>Returns the number of mails queued; changes are saved in the caller's transaction.</summary>
    public static async Task<int> ScanAsync(NormativeDb db, StoreMail mail, DateTimeOffset now, CancellationToken ct)
    {
        // Upcoming renewals are scanned too: news while one subscription runs is news for the one that follows.
        var current = await (
                from s in db.Subscriptions
                join o in db.Orders on s.OrderId equals o.Id
                where (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Fulfilled) && s.EndsAt > now
                select new { Subscription = s, Muted = db.BuyerSettings.Any(b => b.UserId == s.UserId && !b.AlertsEnabled) })
            .AsNoTracking()
            .ToListAsync(ct);
        if (current.Count == 0)
        {
            return 0;
        }
        var readers = await ReadersAsync(db, current.Select(c => (c.Subscription, c.Muted)).ToList(), ct);
        var collectionIds = current.Select(c => c.Subscription.CollectionId).Distinct().ToList();
        var collections = await db.Collections.AsNoTracking().Where(c => collectionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var inserted = new List<StoreSql.SubscriptionNoticeKey>();
        foreach (var group in current.GroupBy(c => c.Subscription.CollectionId))
        {
            var covered = (await CollectionCoverage.ResolveAsync(db, collections[group.Key], ct)).ToArray();
            // A subscriber who turned alerts off is not mailed, but what joined is still recorded: turning them on again brings no flood of old news.
            var muted = group.Where(c => !readers[c.Subscription.Id].Any(r => !r.Muted)).Select(c => c.Subscription.Id).ToArray();
            var told = group.Where(c => readers[c.Subscription.Id].Any(r => !r.Muted)).Select(c => c.Subscription.Id).ToArray();
            await StoreSql.InsertSubscriptionNoticesAsync(db, muted, covered, now, mailedAt: null, ct);
            inserted.AddRange(await StoreSql.InsertSubscriptionNoticesAsync(db, told, covered, now, now, ct));
        }
        if (inserted.Count == 0)
        {
            return 0;
        }

        var subscriptions = current.Select(c => c.Subscription).ToDictionary(s => s.Id);
        var ids = inserted.Select(n => n.DeliverableId).Distinct().ToList();
        var joined = await db.Deliverables.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var replacedIds = joined.Values.SelectMany(d => d.Replaces).Distinct().ToList();
        var replaced = await db.Deliverables.AsNoTracking()
            .Where(d => replacedIds.Contains(d.Id) || d.ReplacedBy.Any(r => ids.Contains(r)))
            .Select(d => new { d.Id, d.Reference, d.ReplacedBy })
            .ToListAsync(ct);

        var news = new Dictionary<string, List<StoreMail.SubscriptionItem>>();
        var named = new HashSet<(string UserId, int CollectionId, int DeliverableId)>();
        foreach (var notice in inserted.OrderBy(n => subscriptions[n.SubscriptionId].StartsAt))
        {
            var subscription = subscriptions[notice.SubscriptionId];
            var d = joined[notice.DeliverableId];
            var previous = replaced.FirstOrDefault(r => d.Replaces.Contains(r.Id) || r.ReplacedBy.Contains(d.Id))?.Reference;
            var kind = KindOf(d, previous);
            foreach (var reader in readers[subscription.Id].Where(r => !r.Muted))
            {
                // A renewal bought ahead hears the same news as the subscription it follows: named once, under the running one.
                if (!named.Add((reader.UserId, subscription.CollectionId, notice.DeliverableId)))
                {
                    continue;
                }
                if (!news.TryGetValue(reader.UserId, out var items))
                {
                    news[reader.UserId] = items = [];
                }
                items.Add(new StoreMail.SubscriptionItem(collections[subscription.CollectionId], subscription.Id, subscription.EndsAt, d.Reference, kind,
                    kind == UpdateKind.NewEdition ? previous : null));
            }
        }

        var recipients = await StoreRecipients.OfAsync(db, news.Keys, ct);
        var mails = 0;
        foreach (var (userId, items) in news)
        {
            if (recipients.GetValueOrDefault(userId) is { } to)
            {
                mail.QueueSubscriptionNews(db, to.Email, to.Culture, items);
                mails++;
            }
        }
        await db.SaveChangesAsync(ct);
        return mails;
    }

    /// <summary>
    /// Who is told about each subscription and whether they turned alerts off: its buyer, or, for
    /// named seats, each holder who still belongs to the organisation (a free seat tells nobody).
    /// </summary>
    private static async Task<Dictionary<long, List<(string UserId, bool Muted)>>> ReadersAsync(
        NormativeDb db, IReadOnlyList<(Subscription Subscription, bool Muted)> current, CancellationToken ct)
    {
        var lineIds = current.Select(c => c.Subscription.OrderLineId).ToList();
        var holders = await (
                from x in db.OrderSeats
                where lineIds.Contains(x.OrderLineId)
                join l in db.OrderLines on x.OrderLineId equals l.Id
                join o in db.Orders on l.OrderId equals o.Id
                from u in db.Users.Where(u => u.Id == x.UserId || (x.UserId == null && x.Email != null && u.Email!.ToLower() == x.Email))
                where db.OrganizationMembers.Any(m => m.OrganizationId == o.OrganizationId && m.UserId == u.Id)
                select new { x.OrderLineId, UserId = u.Id, Muted = db.BuyerSettings.Any(b => b.UserId == u.Id && !b.AlertsEnabled) })
            .AsNoTracking()
            .ToListAsync(ct);
        var seated = (await db.OrderSeats.Where(x => lineIds.Contains(x.OrderLineId)).Select(x => x.OrderLineId).Distinct().ToListAsync(ct)).ToHashSet();
        return current.ToDictionary(c => c.Subscription.Id, c => seated.Contains(c.Subscription.OrderLineId)
            ? holders.Where(h => h.OrderLineId == c.Subscription.OrderLineId).Select(h => (h.UserId, h.Muted)).ToList()
            : [(c.Subscription.UserId, c.Muted)]);
    }

    /// <summary>Why <paramref name="d"/> is news: a supplement by its identifier, a new edition when it replaces one, else a new standard.</summary>
    public static UpdateKind KindOf(Deliverable d, string? replacedReference)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (PublicationIdentifier.TryParse(d.Reference, out var id, out _) && id.Supplements.Count > 0)
        {
            return id.Supplements[^1].Kind == SupplementKind.Cor ? UpdateKind.Corrigendum : UpdateKind.Amendment;
        }
        if (d.SupplementType is { } type)
        {
            return type.StartsWith("Cor", StringComparison.OrdinalIgnoreCase) ? UpdateKind.Corrigendum : UpdateKind.Amendment;
        }
        return replacedReference is not null || d.Replaces.Count > 0 ? UpdateKind.NewEdition : UpdateKind.Added;
    }
}
