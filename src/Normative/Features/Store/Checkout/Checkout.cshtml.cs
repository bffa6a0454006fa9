using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Store.Carts;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Payments;

namespace Normative.Features.Store.Checkout;

/// <summary>
/// Checkout: the billing address, the licence holder's name for PDFs and the payment method; then
/// the order is placed and the buyer either gets a pro-forma invoice or goes to the hosted payment page.
/// </summary>
[Authorize]
public class CheckoutModel(
    NormativeDb db, CartAccess carts, OrderPlacement placement, OrderPayments payments, CardPayments cards, TimeProvider clock,
    IConfiguration configuration, IStringLocalizer<StoreText> s, ILogger<CheckoutModel> logger) : PageModel
{
    [BindProperty]
    public CheckoutDetails Input { get; set; } = new();

    [BindProperty]
    public Guid CartId { get; set; }

    [BindProperty]
    public int Revision { get; set; }

    public PricedCart? Cart { get; private set; }
    public Vat.Totals? Domestic { get; private set; }
    public Vat.Totals? Abroad { get; private set; }
    public string? Error { get; private set; }

    /// <summary>The payment methods this site offers: card only when a provider is configured.</summary>
    public IReadOnlyList<PaymentMethod> Methods => cards.Available ? [PaymentMethod.Invoice, PaymentMethod.Card] : [PaymentMethod.Invoice];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Cart is null)
        {
            return;
        }
        var userId = CartAccess.UserId(HttpContext)!;
        var last = await db.Orders.AsNoTracking().Where(o => o.UserId == userId).OrderByDescending(o => o.PlacedAt).FirstOrDefaultAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        Input = new CheckoutDetails
        {
            Name = last?.BillingName ?? user.DisplayName,
            Organization = last?.BillingOrganization,
            Street = last?.BillingStreet,
            PostalCode = last?.BillingPostalCode,
            City = last?.BillingCity,
            Country = last?.BillingCountry ?? "CH",
            Email = last?.BillingEmail ?? user.Email,
            VatNumber = last?.VatNumber,
            LicenceHolder = last?.LicenceHolder ?? user.DisplayName,
            PaymentMethod = last?.PaymentMethod is { } method && Methods.Contains(method) ? method : Methods[^1],
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var userId = CartAccess.UserId(HttpContext)!;
        var origin = StoreLinks.Origin(configuration, HttpContext);

        // A second click on "Place order" finds the order the first one made.
        var placed = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.CartId == CartId && o.UserId == userId, ct);
        if (placed is not null)
        {
            return await ContinueAsync(placed, origin);
        }

        var details = Input;
        var (postedCart, postedRevision) = (CartId, Revision);
        ModelState.Clear();
        await LoadAsync();
        Input = details;
        if (Cart is null || Cart.Cart.Id != postedCart)
        {
            // A click a moment earlier may have turned this cart into an order since the look-up above.
            placed = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.CartId == postedCart && o.UserId == userId, ct);
            if (placed is not null)
            {
                return await ContinueAsync(placed, origin);
            }
            Error = s["Checkout.Error.CartGone"];
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        if (Cart.Cart.Revision != postedRevision)
        {
            Error = s["Checkout.Error.CartChanged"];
            return new PageResult { StatusCode = StatusCodes.Status409Conflict };
        }
        var problems = CheckoutRules.Check(Input, Cart.HasPdf, Countries.IsKnown).ToList();
        if (Input.PaymentMethod is { } chosen && !Methods.Contains(chosen))
        {
            problems.Add(new CheckoutRules.Problem(nameof(Input.PaymentMethod), "Checkout.Error.PaymentMethod"));
        }
        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                ModelState.AddModelError("Input." + p.Field, s[p.Key]);
            }
            Error = s["Checkout.Error.Summary"];
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        var result = await placement.PlaceAsync(Cart.Cart, Input, userId, User.Identity?.Name ?? userId, origin, ct);
        if (result.Order is null)
        {
            Error = s[result.ProblemKey!];
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        return await ContinueAsync(result.Order, origin);
    }

    private async Task<IActionResult> ContinueAsync(Order order, string origin)
    {
        var page = StoreLinks.Order(order.Number);
        if (order.PaymentMethod != PaymentMethod.Card)
        {
            return Redirect(page + "?placed=1");
        }
        try
        {
            var url = await payments.StartCardPaymentAsync(order.Id, origin, HttpContext.RequestAborted);
            return Redirect(url ?? page);
        }
        catch (PaymentProviderException e)
        {
            logger.LogWarning(e, "The payment page for order {Order} could not be opened", order.Number);
            return Redirect(page + "?payment=unavailable");
        }
    }

    private async Task LoadAsync()
    {
        var lookup = await carts.FindAsync(HttpContext, HttpContext.RequestAborted);
        if (lookup.Cart is not { Lines.Count: > 0 } cart)
        {
            return;
        }
        Cart = await PricedCart.PriceAsync(db, cart, HttpContext.RequestAborted);
        CartId = cart.Id;
        Revision = cart.Revision;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Domestic = Cart.TotalsFor("CH", today);
        Abroad = Cart.TotalsFor(TaxRule.AnyOtherCountry, today);
    }
}
