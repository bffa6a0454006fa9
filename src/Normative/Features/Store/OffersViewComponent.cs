using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;

namespace Normative.Features.Store;

/// <summary>
/// The offers of one deliverable with their "Add to cart" forms: shown on the store's product page
/// and, through the catalogue's _StoreOffers partial, on the standard page.
/// </summary>
public sealed class OffersViewComponent(NormativeDb db) : ViewComponent
{
    public sealed record Model(Deliverable? Deliverable, IReadOnlyList<Offer> Offers);

    public async Task<IViewComponentResult> InvokeAsync(int deliverableId)
    {
        var deliverable = await db.Deliverables.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliverableId);
        IReadOnlyList<Offer> offers = [];
        if (deliverable is not null)
        {
            var bands = await db.PriceBands.AsNoTracking().ToListAsync();
            var overrides = await db.PriceOverrides.AsNoTracking().Where(o => o.DeliverableId == deliverableId).ToListAsync();
            offers = Pricing.OffersFor(deliverable, bands, overrides);
        }
        return View("~/Features/Store/Offers.cshtml", new Model(deliverable, offers));
    }
}
