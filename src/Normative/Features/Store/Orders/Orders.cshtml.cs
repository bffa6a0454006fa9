using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Store.Orders;

/// <summary>My orders: every order of the signed-in buyer, newest first.</summary>
[Authorize]
public class OrdersModel(NormativeDb db) : PageModel
{
    public List<Order> Orders { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = User.UserId();
        Orders = await db.Orders.AsNoTracking().Where(o => o.UserId == userId).OrderByDescending(o => o.PlacedAt).Include(o => o.Lines).ToListAsync();
    }
}
