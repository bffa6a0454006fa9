using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Subscriptions;

namespace Normative.Features.Store.Alerts;

/// <summary>
/// Mails buyers about changes to what they bought: a new edition, an amendment, a corrigendum, a
/// withdrawal; and subscribers about what joined their collections (<see cref="SubscriptionUpdates"/>).
/// Safe with several instances: one scan at a time holds a PostgreSQL advisory lock
/// (the others skip), and each change is recorded once per buyer by a unique index. The catalogue
/// importer calls <see cref="ScanAsync"/> right after an import; a background job and the
/// command line (normative store alerts) also run it.
/// </summary>
public static class StoreAlerts
{
    /// <summary>Returns the number of alert mails queued (to buyers and subscribers); 0 also when another instance is scanning.</summary>
    public static async Task<int> ScanAsync(NormativeDb db, StoreMail mail, DateTimeOffset now, ILogger logger, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await StoreSql.TryLockAlertScanAsync(db, ct))
        {
            logger.LogInformation("Another instance is scanning for store alerts; skipped");
            return 0;
        }
        var subscriberMails = await SubscriptionUpdates.ScanAsync(db, mail, now, ct);
        var purchases = await (
                from l in db.OrderLines
                join o in db.Orders on l.OrderId equals o.Id
                where o.Status == OrderStatus.Paid || o.Status == OrderStatus.Fulfilled
                where l.DeliverableId != null
                where !db.BuyerSettings.Any(s => s.UserId == o.UserId && !s.AlertsEnabled)
                select new { o.UserId, DeliverableId = l.DeliverableId!.Value })
            .Distinct()
            .ToListAsync(ct);
        // The holders of a multi-user licence's seats hear of changes too: they are the ones who read the copies.
        var holders = await (
                from x in db.OrderSeats
                join l in db.OrderLines on x.OrderLineId equals l.Id
                join o in db.Orders on l.OrderId equals o.Id
                where o.Status == OrderStatus.Paid || o.Status == OrderStatus.Fulfilled
                where l.DeliverableId != null && x.UserId != null
                where db.OrganizationMembers.Any(m => m.OrganizationId == o.OrganizationId && m.UserId == x.UserId)
                where !db.BuyerSettings.Any(s => s.UserId == x.UserId && !s.AlertsEnabled)
                select new { UserId = x.UserId!, DeliverableId = l.DeliverableId!.Value })
            .Distinct()
            .ToListAsync(ct);
        purchases = purchases.Concat(holders).Distinct().ToList();
        if (purchases.Count == 0)
        {
            await tx.CommitAsync(ct);
            return subscriberMails;
        }

        var (bought, related) = await AlertScan.LoadAsync(db, purchases.Select(p => p.DeliverableId).Distinct().ToList(), ct);
        var byId = related.ToDictionary(d => d.Id);
        var changes = bought.Values.ToDictionary(d => d.Id, d => AlertRules.ChangesFor(d, related));
        var candidates = purchases
            .SelectMany(p => changes.GetValueOrDefault(p.DeliverableId, []).Select(c => new AlertScan.Notice(p.UserId, p.DeliverableId, c)))
            .ToList();
        var news = new Dictionary<string, List<StoreMail.AlertItem>>();
        var inserted = await AlertScan.InsertAsync(db, candidates, now, now, ct);
        // A new edition or an amendment whose text and the bought one's are both here: the mail links to what changed.
        var involved = inserted.SelectMany(n => new[] { n.DeliverableId, n.Change.NewDeliverableId ?? n.DeliverableId }).Distinct().ToList();
        var withText = involved.Count == 0 ? [] : (await db.StandardTexts.Where(t => involved.Contains(t.DeliverableId)).Select(t => t.DeliverableId).Distinct().ToListAsync(ct)).ToHashSet();
        foreach (var notice in inserted)
        {
            var target = notice.Change.NewDeliverableId is { } id ? byId.GetValueOrDefault(id) : null;
            var comparable = target is not null && notice.Change.Kind is AlertKind.NewEdition or AlertKind.Amendment
                && withText.Contains(target.Id) && withText.Contains(notice.DeliverableId);
            var item = new StoreMail.AlertItem(
                bought[notice.DeliverableId].Reference, notice.Change.Kind, target?.Reference, target?.Id ?? notice.DeliverableId,
                comparable ? notice.DeliverableId : null);
            if (!news.TryGetValue(notice.UserId, out var items))
            {
                news[notice.UserId] = items = [];
            }
            items.Add(item);
        }

        var recipients = await StoreRecipients.OfAsync(db, news.Keys, ct);
        var mails = 0;
        foreach (var (userId, items) in news)
        {
            if (recipients.GetValueOrDefault(userId) is { } to)
            {
                mail.QueueAlert(db, to.Email, to.Culture, items);
                mails++;
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (mails > 0)
        {
            logger.LogInformation("Store alerts: {Mails} mails about {Changes} changes", mails, news.Values.Sum(v => v.Count));
        }
        return mails + subscriberMails;
    }
}
