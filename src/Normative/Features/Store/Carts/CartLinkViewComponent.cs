using System.Data.Common;
using Microsoft.AspNetCore.Mvc;
using Normative.Data;

namespace Normative.Features.Store.Carts;

/// <summary>The header's cart link, with the number of items in the cart.</summary>
public sealed class CartLinkViewComponent(NormativeDb db, TimeProvider clock, ILogger<CartLinkViewComponent> logger) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        int count;
        try
        {
            count = await CartActions.CountAsync(db, HttpContext, clock.GetUtcNow(), HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            // The header is also drawn on error pages, when the database may be what failed.
            logger.LogDebug(e, "The cart count could not be read");
            count = 0;
        }
        return View("~/Features/Store/Carts/CartLink.cshtml", count);
    }
}
