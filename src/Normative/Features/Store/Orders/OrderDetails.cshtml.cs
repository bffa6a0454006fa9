using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Store.Carts;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Payments;

namespace Normative.Features.Store.Orders;

/// <summary>One order as its buyer sees it: lines, totals, status and history, invoices, downloads, and "Pay now" for a card order still open.</summary>
[Authorize]
public class OrderDetailsModel(NormativeDb db, IAuthorizationService auth, OrderPayments payments, IConfiguration configuration, ILogger<OrderDetailsModel> logger) : PageModel
{
    public Order Order { get; private set; } = null!;
    public HashSet<string> FilesReady { get; private set; } = [];
    public bool IsBuyer { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Payment { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Placed { get; set; }

    public async Task<IActionResult> OnGetAsync(string number)
    {
        var (order, outcome) = await OrderAccess.FindAsync(db, auth, HttpContext, number, ownerOnly: false, HttpContext.RequestAborted);
        if (order is null)
        {
            return outcome == OrderAccess.Outcome.Forbidden ? Forbid() : NotFound();
        }
        Order = order;
        IsBuyer = order.UserId == CartAccess.UserId(HttpContext);
        var ids = order.Lines.Where(l => l.Format == ProductFormat.Pdf).Select(l => l.DeliverableId).ToList();
        FilesReady = (await db.SourceFiles.AsNoTracking().Where(f => ids.Contains(f.DeliverableId)).Select(f => new { f.DeliverableId, f.Language }).ToListAsync())
            .Select(f => $"{f.DeliverableId}/{f.Language}").ToHashSet();
        return Page();
    }

    public async Task<IActionResult> OnPostPayAsync(string number)
    {
        var (order, outcome) = await OrderAccess.FindAsync(db, auth, HttpContext, number, ownerOnly: true, HttpContext.RequestAborted);
        if (order is null)
        {
            return outcome == OrderAccess.Outcome.Forbidden ? Forbid() : NotFound();
        }
        try
        {
            var url = await payments.StartCardPaymentAsync(order.Id, StoreLinks.Origin(configuration, HttpContext), HttpContext.RequestAborted);
            return Redirect(url ?? StoreLinks.Order(number));
        }
        catch (PaymentProviderException e)
        {
            logger.LogWarning(e, "The payment page for order {Order} could not be opened", number);
            return Redirect(StoreLinks.Order(number) + "?payment=unavailable");
        }
    }
}
