using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;

namespace Normative.Features.Store;

/// <summary>The cart: lines with today's prices, quantities for printed copies, totals with VAT for Switzerland and abroad.</summary>
public class CartModel(NormativeDb db, CartAccess carts, TimeProvider clock, IStringLocalizer<StoreText> s) : PageModel
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
        var problem = !ModelState.IsValid || quantity is null
            ? "Cart.Error.QuantityInvalid"
            : await carts.SetQuantityAsync(HttpContext, line, quantity.Value, HttpContext.RequestAborted);
        return problem is null ? Redirect("/cart?updated=1") : await FailAsync(problem);
    }

    public async Task<IActionResult> OnPostRemoveAsync(long line)
    {
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
            var rules = await db.TaxRules.AsNoTracking().ToListAsync(HttpContext.RequestAborted);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            Domestic = Cart.TotalsFor(rules, "CH", today);
            Abroad = Cart.TotalsFor(rules, TaxRule.AnyOtherCountry, today);
        }
    }
}
