using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Shared;

namespace Normative.Features.Store.Subscriptions;

/// <summary>
/// A collection in the store: what its rule covers today (how many, and the list a page at a time)
/// and its yearly subscription to add to the cart. Off sale, the page stays for its subscribers'
/// links, without the offer.
/// </summary>
[OutputCache(PolicyName = CatalogueCachePolicy.Name)]
public class CollectionModel(NormativeDb db, IOptions<StoreOptions> store) : PageModel
{
    public const int PageSize = 50;

    public Collection Collection { get; private set; } = null!;
    public int Count { get; private set; }
    public List<Deliverable> Covered { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public string? IcsTitle { get; private set; }
    /// <summary>The most named seats a subscription may have for an organisation; 1: none sold.</summary>
    public int MaxSeats => Seats.SeatRules.MaxSeats(store.Value);

    public Pager Pager => Pager.For(PageNumber, Count, PageSize, n => StoreLinks.Collection(Collection.Id, n));

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "p")] int? page)
    {
        var ct = HttpContext.RequestAborted;
        if (await db.Collections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is not { } collection)
        {
            return NotFound();
        }
        Collection = collection;
        PageNumber = Math.Max(1, page ?? 1);
        (Count, Covered) = await CollectionCoverage.PageAsync(db, collection, PageNumber, PageSize, ct);
        if (PageNumber > Pager.Pages(Count, PageSize))
        {
            return NotFound();
        }
        if (collection.IcsCode is { } code)
        {
            IcsTitle = (await db.IcsCodes.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, ct))?.TitleIn(Normative.Web.Cultures.Current);
        }
        return Page();
    }
}
