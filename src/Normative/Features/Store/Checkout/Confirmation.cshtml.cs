using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Payments;

namespace Normative.Features.Store.Checkout;

/// <summary>
/// Where the payment provider sends the buyer back. The provider is asked whether the session is
/// paid (the address itself proves nothing); reloading this page, or opening it many times at once,
/// records the payment once.
/// </summary>
[Authorize]
public class ConfirmationModel(NormativeDb db, IAuthorizationService auth, IPaymentProvider provider, StoreMail mail, TimeProvider clock, ILogger<ConfirmationModel> logger) : PageModel
{
    public Order Order { get; private set; } = null!;
    public bool ProviderUnavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, [FromQuery(Name = "session_id")] string? sessionId)
    {
        var (order, outcome) = await OrderAccess.FindAsync(db, auth, HttpContext, number, ownerOnly: true, HttpContext.RequestAborted);
        if (order is null)
        {
            return outcome == OrderAccess.Outcome.Forbidden ? Forbid() : NotFound();
        }
        if (order.Status == OrderStatus.Placed && !string.IsNullOrEmpty(sessionId) && sessionId.Length <= 200)
        {
            try
            {
                await OrderPayments.ConfirmAsync(db, provider, mail, order.Id, sessionId, clock.GetUtcNow(), logger, HttpContext.RequestAborted);
            }
            catch (PaymentProviderException e)
            {
                logger.LogWarning(e, "Payment of order {Order} could not be confirmed", number);
                ProviderUnavailable = true;
            }
            order = await db.Orders.AsNoTracking().Include(o => o.Lines.OrderBy(l => l.LineNumber)).SingleAsync(o => o.Id == order.Id);
        }
        Order = order;
        return Page();
    }
}
