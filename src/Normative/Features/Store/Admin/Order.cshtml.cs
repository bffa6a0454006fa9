using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Payments;

namespace Normative.Features.Store.Admin;

/// <summary>One order for Editors: everything about it, its parcels and history, and the actions its status allows.</summary>
public class OrderModel(
    NormativeDb db, IAuthorizationService auth, IPaymentProvider provider, StoreMail mail, TimeProvider clock,
    IStringLocalizer<StoreText> s, ILogger<OrderModel> logger) : PageModel
{
    /// <summary>The "ship printed copies" form: which lines go in the parcel, the carrier, its tracking reference and address.</summary>
    public sealed class ShipInput
    {
        public List<long> Lines { get; set; } = [];
        public string? Carrier { get; set; }
        public string? TrackingReference { get; set; }
        public string? TrackingUrl { get; set; }
    }

    public Order Order { get; private set; } = null!;
    public string? Buyer { get; private set; }

    /// <summary>What the Editor typed into the ship form; kept when the form is refused.</summary>
    [BindProperty]
    public ShipInput Ship { get; set; } = new();

    /// <summary>Whether the ship form came back refused: its lines are then ticked as posted, not all.</summary>
    public bool ShipPosted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number)
    {
        if (!await LoadAsync(number))
        {
            return NotFound();
        }
        // Parcels usually go with the carrier of the last one.
        Ship.Carrier = await db.Shipments.AsNoTracking().OrderByDescending(s => s.ShippedAt).Select(s => s.Carrier).FirstOrDefaultAsync();
        return Page();
    }

    /// <param name="reference">The bank's reference of the transfer (optional).</param>
    public Task<IActionResult> OnPostPaidAsync(string number, string? reference) =>
        ActAsync(number, (o, by, now) => OrderAdministration.MarkPaidAsync(db, mail, o.Id, reference, by, now, logger, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostShipAsync(string number)
    {
        ShipPosted = true;
        var problem = OrderRules.CheckShipment(CheckoutRules.Clean(Ship.Carrier), CheckoutRules.Clean(Ship.TrackingReference), CheckoutRules.Clean(Ship.TrackingUrl), Ship.Lines.Count);
        if (problem is not null)
        {
            // What was typed stays in the form, to be corrected.
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, s[problem]);
            return await LoadAsync(number) ? new PageResult { StatusCode = StatusCodes.Status400BadRequest } : NotFound();
        }
        return await ActAsync(number, (o, by, now) => OrderAdministration.ShipAsync(db, mail, o.Id, Ship.Lines, Ship.Carrier, Ship.TrackingReference, Ship.TrackingUrl,
            by, now, HttpContext.RequestAborted));
    }

    /// <param name="shipment">The parcel that arrived.</param>
    public Task<IActionResult> OnPostDeliverAsync(string number, long shipment) =>
        ActAsync(number, (o, by, now) => OrderAdministration.DeliverAsync(db, mail, o.Id, shipment, by, now, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostCancelAsync(string number, string? note) =>
        ActAsync(number, (o, by, now) => OrderAdministration.CancelAsync(db, mail, o.Id, note, by, now, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostRefundAsync(string number, string? note) =>
        ActAsync(number, (o, by, now) => OrderAdministration.RefundAsync(db, provider, mail, o.Id, note, by, now, logger, HttpContext.RequestAborted));

    /// <summary>
    /// Does what the Editor asked and comes back to the order with the notice; or, refused (the order
    /// moved on in another tab), shows the order as it is now with the reason.
    /// </summary>
    private async Task<IActionResult> ActAsync(string number, Func<Order, string, DateTimeOffset, Task<string?>> action)
    {
        if (!await LoadAsync(number))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        var problem = await action(Order, User.Identity?.Name ?? "editor", clock.GetUtcNow());
        if (problem is null)
        {
            TempData.SetNotice(s["Admin.Order.Done"]);
            return Redirect(StoreLinks.AdminOrder(number));
        }
        ModelState.AddModelError(string.Empty, s[problem]);
        await LoadAsync(number);
        return new PageResult { StatusCode = StatusCodes.Status409Conflict };
    }

    private async Task<bool> LoadAsync(string number)
    {
        var (order, _) = await OrderAccess.FindAsync(db, auth, HttpContext, number, ownerOnly: false, HttpContext.RequestAborted);
        if (order is null)
        {
            return false;
        }
        Order = order;
        Buyer = await db.Users.Where(u => u.Id == order.UserId).Select(u => u.Email).SingleOrDefaultAsync();
        return true;
    }
}
