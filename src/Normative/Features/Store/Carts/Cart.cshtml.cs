using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Store.Checkout;

namespace Normative.Features.Store.Carts;

/// <summary>The cart: lines with today's prices, quantities for printed copies, totals with VAT for Switzerland and abroad.</summary>
/// <remarks>
/// "Add to cart" sits on every standard's page, which anonymous visitors get from the output cache;
/// a page with an antiforgery token would set a cookie and never be cached. So Add takes no token:
/// it refuses a request another site sent (Origin or Sec-Fetch-Site), and the cart cookie is
/// SameSite=Lax, so a cross-site form never carries it anyway. Changing or removing lines still
/// needs the token.
/// </remarks>
[IgnoreAntiforgeryToken]
public class CartModel(NormativeDb db, CartAccess carts, TimeProvider clock, IStringLocalizer<StoreText> s, IAntiforgery antiforgery) : PageModel
{
    public PricedCart? Cart { get; private set; }
    public Vat.Totals? Domestic { get; private set; }
    public Vat.Totals? Abroad { get; private set; }
    public bool Expired { get; private set; }
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(string? added, string? updated)
    {
        Message = added is not null ? s["Cart.Added"].Value : updated is not null ? s["Cart.Updated"].Value : null;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAddAsync(int deliverableId, string? format, string? language, int? quantity)
    {
        if (!SameSite.IsSameOrigin(Request))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        string? problem;
        if (!ModelState.IsValid || quantity is null)
        {
            problem = "Cart.Error.QuantityInvalid";
        }
        else if (!Enum.TryParse<ProductFormat>(format, ignoreCase: true, out var f) || language is null)
        {
            problem = "Cart.Error.UnknownOffer";
        }
        else
        {
            problem = await carts.AddAsync(HttpContext, deliverableId, f, language.Trim().ToLowerInvariant(), quantity.Value, HttpContext.RequestAborted);
        }
        return problem is null ? Redirect("/cart?added=1") : await FailAsync(problem);
    }

    public async Task<IActionResult> OnPostUpdateAsync(long line, int? quantity)
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }
        var problem = !ModelState.IsValid || quantity is null
            ? "Cart.Error.QuantityInvalid"
            : await carts.SetQuantityAsync(HttpContext, line, quantity.Value, HttpContext.RequestAborted);
        return problem is null ? Redirect("/cart?updated=1") : await FailAsync(problem);
    }

    public async Task<IActionResult> OnPostRemoveAsync(long line)
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }
        var problem = await carts.RemoveAsync(HttpContext, line, HttpContext.RequestAborted);
        return problem is null ? Redirect("/cart?updated=1") : await FailAsync(problem);
    }

    private async Task<IActionResult> FailAsync(string problem)
    {
        ModelState.Clear();
        Error = s[problem, CartRules.MaxQuantity];
        await LoadAsync();
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    private async Task LoadAsync()
    {
        var lookup = await carts.FindAsync(HttpContext, HttpContext.RequestAborted);
        if (lookup.Expired)
        {
            Expired = true;
            CartAccess.ForgetCookie(HttpContext);
        }
        if (lookup.Cart is { Lines.Count: > 0 } cart)
        {
            Cart = await PricedCart.PriceAsync(db, cart, HttpContext.RequestAborted);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            Domestic = Cart.TotalsFor("CH", today);
            Abroad = Cart.TotalsFor(TaxRule.AnyOtherCountry, today);
        }
    }
}
