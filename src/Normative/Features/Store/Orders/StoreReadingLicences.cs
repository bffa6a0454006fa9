using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.Reading;
using Normative.Features.Store.Subscriptions;

namespace Normative.Features.Store.Orders;

/// <summary>
/// The store's answer to the reader: whoever bought reading online, or the PDF, of a deliverable in
/// a language (paid, not refunded) reads its whole text online in that language; so does the
/// holder of a seat of a multi-user PDF licence, while they belong to the organisation; and whoever
/// may use a running subscription whose collection covers the deliverable, in every language.
/// </summary>
internal sealed class StoreReadingLicences(NormativeDb db, TimeProvider clock) : IReadingLicences
{
    public async Task<bool> HoldsAsync(string userId, int deliverableId, string language, CancellationToken ct)
    {
        var bought = await (
                from l in db.OrderLines
                join o in db.Orders on l.OrderId equals o.Id
                where o.UserId == userId && l.DeliverableId == deliverableId && l.Language == language
                      && (l.Format == ProductFormat.Online || l.Format == ProductFormat.Pdf)
                      && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Fulfilled)
                select l.Id)
            .AnyAsync(ct);
        return bought || await HoldsSeatAsync(userId, deliverableId, language, ct) || await SubscribedAsync(userId, deliverableId, ct);
    }

    private Task<bool> HoldsSeatAsync(string userId, int deliverableId, string language, CancellationToken ct) =>
        (from x in Seats.SeatActions.UsableBy(db, userId)
         join l in db.OrderLines on x.OrderLineId equals l.Id
         join o in db.Orders on l.OrderId equals o.Id
         where l.DeliverableId == deliverableId && l.Language == language && l.Format == ProductFormat.Pdf
               && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Fulfilled)
         select x.Id)
        .AnyAsync(ct);

    private async Task<bool> SubscribedAsync(string userId, int deliverableId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var running = await (
                from s in SubscriptionAccess.UsableBy(db, userId)
                join o in db.Orders on s.OrderId equals o.Id
                join c in db.Collections on s.CollectionId equals c.Id
                where s.StartsAt <= now && s.EndsAt > now && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Fulfilled)
                select c)
            .AsNoTracking()
            .Distinct()
            .ToListAsync(ct);
        foreach (var collection in running)
        {
            if (await CollectionCoverage.CoversAsync(db, collection, deliverableId, ct))
            {
                return true;
            }
        }
        return false;
    }
}
