using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Shared;

namespace Normative.Features.Store.Subscriptions;

/// <summary>
/// The subscriptions section of "My downloads": each subscription the person may use, where it
/// stands and until when, and the standards its collection covers today (the first of them, with
/// the way to all of them on the subscription's page).
/// </summary>
public sealed class SubscriptionsViewComponent(NormativeDb db, TimeProvider clock) : ViewComponent
{
    public const int Shown = 10;

    public sealed record Item(Subscription Subscription, Collection Collection, SubscriptionState State, int Count, IReadOnlyList<Deliverable> First);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var now = clock.GetUtcNow();
        var rows = await (
                from s in SubscriptionAccess.UsableBy(db, HttpContext.User.UserId())
                join o in db.Orders on s.OrderId equals o.Id
                join c in db.Collections on s.CollectionId equals c.Id
                orderby s.EndsAt descending, s.Id descending
                select new { Subscription = s, Collection = c, o.Status })
            .AsNoTracking()
            .ToListAsync(ct);
        var items = new List<Item>();
        foreach (var row in rows)
        {
            var (count, first) = await CollectionCoverage.PageAsync(db, row.Collection, 1, Shown, ct);
            items.Add(new Item(row.Subscription, row.Collection, SubscriptionRules.StateOf(row.Subscription, row.Status, now), count, first));
        }
        return View("~/Features/Store/Subscriptions/_Subscriptions.cshtml", items);
    }
}
