using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Organizations;
using Normative.Features.Store.Payments;

namespace Normative.Features.Store.Orders;

/// <summary>One order as its buyer sees it: lines, totals, status and history, invoices, downloads, and "Pay now" for a card order still open.</summary>
[Authorize]
public class OrderDetailsModel(
    NormativeDb db, IAuthorizationService auth, IPaymentProvider provider, IOptions<OrganizationOptions> organization, TimeProvider clock,
    IConfiguration configuration, IStringLocalizer<StoreText> s, ILogger<OrderDetailsModel> logger) : PageModel
{
    public Order Order { get; private set; } = null!;
    public HashSet<string> FilesReady { get; private set; } = [];
    public bool IsBuyer { get; private set; }
    /// <summary>The subscriptions the order's paid subscription lines made, by line.</summary>
    public Dictionary<long, Subscriptions.Subscription> Subscriptions { get; private set; } = [];
    /// <summary>Whether the person administers the organisation the order was bought for, and so assigns its seats.</summary>
    public bool AssignsSeats { get; private set; }
    /// <summary>Assigned and total seats of each multi-user line, by line id.</summary>
    public Dictionary<long, (int Assigned, int Total)> SeatCounts { get; private set; } = [];

    /// <summary>"cancelled" when the payment provider sent the buyer back without a payment.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Payment { get; set; }

    public async Task<IActionResult> OnGetAsync(string number)
    {
        var (order, outcome) = await OrderAccess.FindAsync(db, auth, HttpContext, number, ownerOnly: false, HttpContext.RequestAborted);
        if (order is null)
        {
            return outcome == OrderAccess.Outcome.Forbidden ? Forbid() : NotFound();
        }
        Order = order;
        IsBuyer = order.UserId == User.UserId();
        AssignsSeats = order.OrganizationId is { } organizationId && await OrganizationActions.IsAdministratorAsync(db, organizationId, User.UserId(), HttpContext.RequestAborted);
        var lineIds = order.Lines.Select(l => l.Id).ToList();
        SeatCounts = (await db.OrderSeats.Where(x => lineIds.Contains(x.OrderLineId)).GroupBy(x => x.OrderLineId)
                .Select(g => new { Line = g.Key, Assigned = g.Count(x => x.Email != null), Total = g.Count() }).ToListAsync())
            .ToDictionary(x => x.Line, x => (x.Assigned, x.Total));
        var ids = order.Lines.Where(l => l.Format == ProductFormat.Pdf).Select(l => l.DeliverableId!.Value).ToList();
        FilesReady = (await db.SourceFiles.AsNoTracking().Where(f => ids.Contains(f.DeliverableId)).Select(f => new { f.DeliverableId, f.Language }).ToListAsync())
            .Select(f => $"{f.DeliverableId}/{f.Language}").ToHashSet();
        Subscriptions = await db.Subscriptions.AsNoTracking().Where(x => x.OrderId == order.Id).ToDictionaryAsync(x => x.OrderLineId);
        return Page();
    }

    /// <summary>"Pay now": the provider's payment page, or back here with a warning when it cannot be opened.</summary>
    public async Task<IActionResult> OnPostPayAsync(string number)
    {
        var (order, outcome) = await OrderAccess.FindAsync(db, auth, HttpContext, number, ownerOnly: true, HttpContext.RequestAborted);
        if (order is null)
        {
            return outcome == OrderAccess.Outcome.Forbidden ? Forbid() : NotFound();
        }
        var page = await OrderPayments.PaymentPageAsync(db, provider, organization.Value.Name, order, StoreLinks.Origin(configuration, HttpContext),
            clock.GetUtcNow(), logger, HttpContext.RequestAborted);
        if (page is null)
        {
            TempData.SetNotice(s["Order.PaymentUnavailable"], NoticeKind.Warn);
        }
        return Redirect(page ?? StoreLinks.Order(number));
    }
}
