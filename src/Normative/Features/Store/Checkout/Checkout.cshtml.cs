using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Features.Store.Carts;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Organizations;
using Normative.Features.Store.Payments;
using Normative.Features.Store.Shipping;
using Normative.Features.Store.Tax;

namespace Normative.Features.Store.Checkout;

/// <summary>
/// Checkout: the billing address, the licence holder's name for PDFs, where printed copies go (and
/// what shipping them there costs) and the payment method; then the order is placed and the buyer
/// either gets a pro-forma invoice or goes to the hosted payment page.
/// </summary>
[Authorize]
public class CheckoutModel(
    NormativeDb db, TaxRegime regime, IPaymentProvider provider, CardPayments cards, StoreMail mail, IOptions<StoreOptions> store, IOptions<OrganizationOptions> organization,
    TimeProvider clock, IConfiguration configuration, IStringLocalizer<StoreText> s, ILogger<CheckoutModel> logger) : PageModel
{
    /// <summary>What the buyer types (checked by <see cref="CheckoutRules"/>, which the order is made from).</summary>
    [BindProperty]
    public CheckoutDetails Input { get; set; } = new();

    /// <summary>The cart the form was shown for, and its revision then: a cart changed since is not ordered blindly.</summary>
    [BindProperty]
    public Guid CartId { get; set; }

    [BindProperty]
    public int Revision { get; set; }

    public PricedCart? Cart { get; private set; }
    /// <summary>The totals for the country and VAT number in the form (as last ordered, or the seller's country); null when no rule covers the country.</summary>
    public Vat.Totals? Totals { get; private set; }

    public TaxRegime Regime => regime;

    /// <summary>The country the printed copies go to, once the form says; null without printed copies.</summary>
    public string? ShipTo { get; private set; }

    /// <summary>What shipping them there costs, from the rates (the form never sends a price); null when not shipped there.</summary>
    public ShippingRules.Quote? Shipping { get; private set; }

    /// <summary>The organisations the buyer belongs to and may buy for.</summary>
    public List<OrganizationActions.Membership> Organizations { get; private set; } = [];

    /// <summary>Whether the totals are missing because no rule covers the country the printed copies go to (the billing country has one).</summary>
    private bool _noTaxRuleWhereShipped;

    /// <summary>The payment methods this site offers: card only when a provider is configured.</summary>
    public IReadOnlyList<PaymentMethod> Methods => cards.Available ? [PaymentMethod.Invoice, PaymentMethod.Card] : [PaymentMethod.Invoice];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Cart is null)
        {
            return;
        }
        var userId = User.UserId()!;
        var last = await db.Orders.AsNoTracking().Where(o => o.UserId == userId).OrderByDescending(o => o.PlacedAt).FirstOrDefaultAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        Input = new CheckoutDetails
        {
            Name = last?.BillingName ?? user.DisplayName,
            Organization = last?.BillingOrganization,
            Street = last?.BillingStreet,
            PostalCode = last?.BillingPostalCode,
            City = last?.BillingCity,
            Country = last?.BillingCountry ?? regime.SellerCountry,
            Email = last?.BillingEmail ?? user.Email,
            VatNumber = last?.VatNumber,
            LicenceHolder = last?.LicenceHolder ?? user.DisplayName,
            PaymentMethod = last?.PaymentMethod is { } method && Methods.Contains(method) ? method : Methods[^1],
            ShipToBilling = last?.ShippingStreet is null || (last.ShippingStreet == last.BillingStreet && last.ShippingCity == last.BillingCity && last.ShippingCountry == last.BillingCountry),
            ShippingName = last?.ShippingName,
            ShippingOrganization = last?.ShippingOrganization,
            ShippingStreet = last?.ShippingStreet,
            ShippingPostalCode = last?.ShippingPostalCode,
            ShippingCity = last?.ShippingCity,
            ShippingCountry = last?.ShippingCountry,
        };
        // Bought for the same organisation as last time; or, for a multi-user licence, for the one organisation the buyer belongs to.
        var buyFor = Organizations.FirstOrDefault(m => m.Organization.Id == last?.OrganizationId)
            ?? (Cart.HasSeats && Organizations.Count == 1 ? Organizations[0] : null);
        if (buyFor is not null)
        {
            Input.BuyFor = buyFor.Organization.Id;
            FillFromOrganization(fillTax: last?.OrganizationId != buyFor.Organization.Id);
        }
        await ShowTotalsAsync();
    }

    /// <summary>
    /// The billing organisation is the one bought for; its country and VAT number are filled in too
    /// when no VAT number is typed yet (never when placing the order, so the totals shown are the totals ordered).
    /// </summary>
    private void FillFromOrganization(bool fillTax)
    {
        if (Organizations.FirstOrDefault(m => m.Organization.Id == Input.BuyFor) is not { } membership)
        {
            return;
        }
        var organization = membership.Organization;
        Input.Organization = organization.Name;
        if (fillTax && CheckoutRules.Clean(Input.VatNumber) is null && organization.VatNumber is not null)
        {
            Input.Country = organization.Country;
            Input.VatNumber = organization.VatNumber;
        }
    }

    /// <summary>"Update the totals": the VAT for the country and VAT number typed, nothing placed.</summary>
    public async Task<IActionResult> OnPostTotalsAsync()
    {
        var details = Input;
        ModelState.Clear();
        await LoadAsync();
        Input = details;
        if (Cart is null)
        {
            return Redirect(StoreLinks.Cart());
        }
        FillFromOrganization(fillTax: true);
        await ShowTotalsAsync();
        return Page();
    }

    private async Task ShowTotalsAsync()
    {
        if (Cart is null || string.IsNullOrWhiteSpace(Input.Country) || !Countries.IsKnown(Input.Country))
        {
            return;
        }
        var vatNumber = CheckoutRules.Clean(Input.VatNumber) is { } typed ? VatNumbers.Normalize(Input.Country, typed) : null;
        if (Cart.HasPaper)
        {
            // The charge for the country the printed copies go to, as soon as it is known.
            ShipTo = Input.ShipToBilling ? Input.Country.Trim().ToUpperInvariant()
                : Input.ShippingCountry is { } typedCountry && Countries.IsKnown(typedCountry) ? typedCountry.Trim().ToUpperInvariant() : null;
            Shipping = ShipTo is null ? null : await ShippingRates.QuoteAsync(db, ShipTo, Cart.PrintedPages, HttpContext.RequestAborted);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Totals = Cart.TotalsFor(regime, Input.Country, vatNumber, today, ShipTo, Shipping?.Price);
        // The rules cover the billing country but not the one the printed copies go to: that is the country to change.
        _noTaxRuleWhereShipped = Totals is null && ShipTo is not null && Cart.TotalsFor(regime, Input.Country, vatNumber, today) is not null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var userId = User.UserId()!;

        // A second click on "Place order" finds the order the first one made.
        var placed = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.CartId == CartId && o.UserId == userId, ct);
        if (placed is not null)
        {
            return await ContinueAsync(placed);
        }

        var details = Input;
        var (postedCart, postedRevision) = (CartId, Revision);
        // CheckoutRules say what is wrong, in the store's words, instead of the model binder
        // ("not a valid value"); the form shows the cart's current id and revision again.
        ModelState.Clear();
        await LoadAsync();
        Input = details;
        if (Cart is null || Cart.Cart.Id != postedCart)
        {
            // A click a moment earlier may have turned this cart into an order since the look-up above.
            placed = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.CartId == postedCart && o.UserId == userId, ct);
            if (placed is not null)
            {
                return await ContinueAsync(placed);
            }
            return Refused(StatusCodes.Status400BadRequest, "Checkout.Error.CartGone");
        }
        if (Cart.Cart.Revision != postedRevision)
        {
            return Refused(StatusCodes.Status409Conflict, "Checkout.Error.CartChanged");
        }
        if (Input.BuyFor is not null && Organizations.All(m => m.Organization.Id != Input.BuyFor))
        {
            ModelState.AddModelError("Input." + nameof(Input.BuyFor), s["Checkout.Error.NotMember"]);
        }
        FillFromOrganization(fillTax: false);
        foreach (var p in CheckoutRules.Check(Input, Cart.HasSingleUserPdf, Countries.IsKnown, Cart.HasPaper, Cart.HasSeats))
        {
            ModelState.AddModelError("Input." + p.Field, s[p.Key]);
        }
        if (Input.PaymentMethod is { } chosen && !Methods.Contains(chosen))
        {
            ModelState.AddModelError("Input." + nameof(Input.PaymentMethod), s["Checkout.Error.PaymentMethod"]);
        }
        await ShowTotalsAsync();
        if (ModelState.GetFieldValidationState("Input." + nameof(Input.Country)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && ModelState.GetFieldValidationState("Input." + nameof(Input.VatNumber)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && Totals is null)
        {
            if (_noTaxRuleWhereShipped)
            {
                ModelState.AddModelError("Input." + nameof(Input.ShippingCountry), s["Checkout.Error.NoTaxRuleShipped", Countries.NameOf(ShipTo!)]);
            }
            else
            {
                ModelState.AddModelError("Input." + nameof(Input.Country), s["Checkout.Error.NoTaxRule", Countries.NameOf(Input.Country!.Trim())]);
            }
        }
        if (ShipTo is not null && Shipping is null)
        {
            ModelState.AddModelError("Input." + (Input.ShipToBilling ? nameof(Input.Country) : nameof(Input.ShippingCountry)), s["Checkout.Error.NoShipping", Countries.NameOf(ShipTo)]);
        }
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        var result = await OrderPlacement.PlaceAsync(db, mail, regime, Cart, Input, userId, User.Identity?.Name ?? userId,
            store.Value.DownloadLimit, clock.GetUtcNow(), ct);
        return result.Order is null
            ? Refused(StatusCodes.Status400BadRequest, result.ProblemKey!)
            : await ContinueAsync(result.Order);
    }

    /// <summary>The order is placed: its page, with the pro-forma's notice; or, for a card order, the provider's payment page.</summary>
    private async Task<IActionResult> ContinueAsync(Order order)
    {
        if (order.PaymentMethod != PaymentMethod.Card)
        {
            TempData.SetNotice(s["Order.PlacedInvoice", order.BillingEmail]);
            return Redirect(StoreLinks.Order(order.Number));
        }
        var page = await OrderPayments.PaymentPageAsync(db, provider, organization.Value.Name, order, StoreLinks.Origin(configuration, HttpContext),
            clock.GetUtcNow(), logger, HttpContext.RequestAborted);
        if (page is null)
        {
            TempData.SetNotice(s["Order.PaymentUnavailable"], NoticeKind.Warn);
        }
        return Redirect(page ?? StoreLinks.Order(order.Number));
    }

    private PageResult Refused(int status, string key)
    {
        ModelState.AddModelError(string.Empty, s[key]);
        return new PageResult { StatusCode = status };
    }

    private async Task LoadAsync()
    {
        var lookup = await CartActions.FindAsync(db, HttpContext, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (lookup.Cart is not { Lines.Count: > 0 } cart)
        {
            return;
        }
        Cart = await PricedCart.PriceAsync(db, cart, HttpContext.RequestAborted);
        CartId = cart.Id;
        Revision = cart.Revision;
        Organizations = await OrganizationActions.OfUserAsync(db, User.UserId(), HttpContext.RequestAborted);
    }
}
