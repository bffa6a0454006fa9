using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Store.Orders;

namespace Normative.Features.Store.Admin;

/// <summary>What goes into the parcel of an order, to print and pack from: its printed copies and where they go.</summary>
public class PackingListModel(NormativeDb db) : PageModel
{
    public Order Order { get; private set; } = null!;
    public List<OrderLine> Printed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string number)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines.OrderBy(l => l.LineNumber)).SingleOrDefaultAsync(o => o.Number == number, HttpContext.RequestAborted);
        if (order is null || order.Lines.All(l => l.Format != ProductFormat.Paper))
        {
            return NotFound();
        }
        Order = order;
        Printed = order.Lines.Where(l => l.Format == ProductFormat.Paper).ToList();
        return Page();
    }
}
