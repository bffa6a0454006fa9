using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Subscriptions;

namespace Normative.Features.Store.Admin;

/// <summary>The Editors' collections: each with its rule, yearly price, whether it is on sale and how many subscriptions run.</summary>
public class CollectionsModel(NormativeDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(Collection Collection, int Running);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var collections = await db.Collections.AsNoTracking().OrderBy(c => c.NameEn).ToListAsync();
        var running = await (
                from s in db.Subscriptions
                join o in db.Orders on s.OrderId equals o.Id
                where (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Fulfilled) && s.StartsAt <= now && s.EndsAt > now
                group s by s.CollectionId into g
                select new { CollectionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.CollectionId, x => x.Count);
        Rows = collections.Select(c => new Row(c, running.GetValueOrDefault(c.Id))).ToList();
    }
}
