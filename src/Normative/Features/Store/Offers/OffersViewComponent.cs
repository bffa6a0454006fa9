using Microsoft.AspNetCore.Mvc;
using Normative.Data;
using Normative.Features.Catalogue;

namespace Normative.Features.Store.Offers;

/// <summary>
/// The offers of one deliverable with their "Add to cart" forms: shown on the store's product page
/// and, through the catalogue's _StoreOffers partial, on the standard page.
/// </summary>
public sealed class OffersViewComponent(NormativeDb db) : ViewComponent
{
    public sealed record Model(Deliverable Deliverable, IReadOnlyList<Offer> Offers);

    /// <param name="deliverable">The deliverable the page has already loaded.</param>
    public async Task<IViewComponentResult> InvokeAsync(Deliverable deliverable)
    {
        ArgumentNullException.ThrowIfNull(deliverable);
        var prices = await Pricing.LoadAsync(db, [deliverable.Id], HttpContext.RequestAborted);
        return View("~/Features/Store/Offers/Offers.cshtml", new Model(deliverable, prices.OffersFor(deliverable)));
    }
}
