using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Seats;
using Normative.Features.Store.Tax;

namespace Normative.Features.Store.Carts;

/// <summary>The cart: lines with today's prices, quantities for printed copies, totals with the seller's VAT and with the VAT of buyers outside its territory (and outside the EU for a seller in it).</summary>
/// <remarks>
/// "Add to cart" sits on every standard's page, which anonymous visitors get from the output cache;
/// a page with an antiforgery token would set a cookie and never be cached. So Add takes no token:
/// it refuses a request another site sent (Origin or Sec-Fetch-Site), and the cart cookie is
/// SameSite=Lax, so a cross-site form never carries it anyway. Changing or removing lines still
/// needs the token.
/// </remarks>
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Normative.Web.AnonymousLimits.CartPolicy)]
public class CartModel(NormativeDb db, TaxRegime regime, TimeProvider clock, IStringLocalizer<StoreText> s, IAntiforgery antiforgery, IOptions<StoreOptions> store) : PageModel
{
    /// <summary>An offer's "Add to cart" form (on the standard and product pages).</summary>
    public sealed class AddInput
    {
        public int DeliverableId { get; set; }
        public string? Format { get; set; }
        public string? Language { get; set; }
        public int? Quantity { get; set; }
    }

    /// <summary>A line's quantity form, and its Remove button (no quantity).</summary>
    public sealed class LineInput
    {
        public long Line { get; set; }
        public int? Quantity { get; set; }
    }

    public PricedCart? Cart { get; private set; }
    public Vat.Totals? Domestic { get; private set; }
    public Vat.Totals? Abroad { get; private set; }
    public bool Expired { get; private set; }
    /// <summary>The most seats a PDF licence may have here; 1 when the store sells PDFs to one person only.</summary>
    public int MaxSeats => SeatRules.MaxSeats(store.Value);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync(AddInput input)
    {
        if (!SameSite.IsSameOrigin(Request))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var problem = !ModelState.IsValid || input.Quantity is null ? "Cart.Error.QuantityInvalid"
            : !Enum.TryParse<ProductFormat>(input.Format, ignoreCase: true, out var format) || input.Language is null ? "Cart.Error.UnknownOffer"
            : await CartActions.AddAsync(db, HttpContext, input.DeliverableId, format, input.Language.Trim().ToLowerInvariant(), input.Quantity.Value, clock.GetUtcNow(), HttpContext.RequestAborted, MaxSeats);
        return await DoneAsync(problem, "Cart.Added");
    }

    /// <summary>A collection's "Subscribe" form (on the collection's page): a year's subscription in the cart.</summary>
    public async Task<IActionResult> OnPostSubscribeAsync(int collectionId)
    {
        if (!SameSite.IsSameOrigin(Request))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var problem = !ModelState.IsValid
            ? "Cart.Error.UnknownOffer"
            : await CartActions.AddSubscriptionAsync(db, HttpContext, collectionId, clock.GetUtcNow(), HttpContext.RequestAborted);
        return await DoneAsync(problem, "Cart.Added");
    }

    public async Task<IActionResult> OnPostUpdateAsync(LineInput input)
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }
        var problem = !ModelState.IsValid || input.Quantity is null
            ? "Cart.Error.QuantityInvalid"
            : await CartActions.SetQuantityAsync(db, HttpContext, input.Line, input.Quantity.Value, clock.GetUtcNow(), HttpContext.RequestAborted, MaxSeats);
        return await DoneAsync(problem, "Cart.Updated");
    }

    public async Task<IActionResult> OnPostRemoveAsync(LineInput input)
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }
        var problem = !ModelState.IsValid
            ? "Cart.Error.UnknownLine"
            : await CartActions.RemoveAsync(db, HttpContext, input.Line, clock.GetUtcNow(), HttpContext.RequestAborted);
        return await DoneAsync(problem, "Cart.Updated");
    }

    /// <summary>Back to the cart with the notice; or, refused, the cart again with the reason and nothing changed.</summary>
    private async Task<IActionResult> DoneAsync(string? problem, string notice)
    {
        if (problem is null)
        {
            TempData.SetNotice(s[notice]);
            return Redirect(StoreLinks.Cart());
        }
        // The store's own sentence replaces the model binder's ("not a number").
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, s[problem, CartRules.MaxQuantity, MaxSeats]);
        await LoadAsync();
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    private async Task LoadAsync()
    {
        var lookup = await CartActions.FindAsync(db, HttpContext, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (lookup.Expired)
        {
            Expired = true;
            CartActions.ForgetCookie(HttpContext);
        }
        if (lookup.Cart is { Lines.Count: > 0 } cart)
        {
            Cart = await PricedCart.PriceAsync(db, cart, HttpContext.RequestAborted);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            Domestic = Cart.TotalsFor(regime, regime.SellerCountry, null, today);
            Abroad = Cart.TotalsFor(regime, TaxRule.AnyOtherCountry, null, today);
        }
    }
}
