using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Store.Orders;

namespace Normative.Features.Store.Admin;

/// <summary>One order for Editors: everything about it, its history, and the actions its status allows.</summary>
public class OrderModel(NormativeDb db, IAuthorizationService auth, OrderAdministration admin, IConfiguration configuration, IStringLocalizer<StoreText> s) : PageModel
{
    public Order Order { get; private set; } = null!;
    public string? Buyer { get; private set; }
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string number) => await LoadAsync(number) ? Page() : NotFound();

    public Task<IActionResult> OnPostPaidAsync(string number, string? reference) =>
        ActAsync(number, (o, by) => admin.MarkPaidAsync(o.Id, reference, by, StoreLinks.Origin(configuration, HttpContext), HttpContext.RequestAborted));

    public Task<IActionResult> OnPostShipAsync(string number, long line) =>
        ActAsync(number, (o, by) => admin.ShipAsync(o.Id, line, by, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostCancelAsync(string number, string? note) =>
        ActAsync(number, (o, by) => admin.CancelAsync(o.Id, note, by, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostRefundAsync(string number, string? note) =>
        ActAsync(number, (o, by) => admin.RefundAsync(o.Id, note, by, HttpContext.RequestAborted));

    private async Task<IActionResult> ActAsync(string number, Func<Order, string, Task<string?>> action)
    {
        if (!await LoadAsync(number))
        {
            return NotFound();
        }
        var problem = await action(Order, User.Identity?.Name ?? "editor");
        if (problem is null)
        {
            return Redirect($"/store/admin/orders/{Uri.EscapeDataString(number)}?done=1");
        }
        Error = s[problem];
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
