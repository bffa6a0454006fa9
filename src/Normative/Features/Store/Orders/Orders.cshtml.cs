using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Features.Store.Organizations;

namespace Normative.Features.Store.Orders;

/// <summary>My orders: every order of the signed-in buyer, newest first; and those bought by others for the organisations they administer.</summary>
[Authorize]
public class OrdersModel(NormativeDb db) : PageModel
{
    public List<Order> Orders { get; private set; } = [];

    /// <summary>Orders others bought for an organisation the person administers, with the organisation's name.</summary>
    public List<(Order Order, string Organization)> OrganizationOrders { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = User.UserId();
        Orders = await db.Orders.AsNoTracking().Where(o => o.UserId == userId).OrderByDescending(o => o.PlacedAt).Include(o => o.Lines).ToListAsync();
        var administered = await OrganizationActions.AdministeredByAsync(db, userId, HttpContext.RequestAborted);
        if (administered.Count > 0)
        {
            var names = await db.Organizations.AsNoTracking().Where(x => administered.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name);
            OrganizationOrders = (await db.Orders.AsNoTracking()
                    .Where(o => o.OrganizationId != null && administered.Contains(o.OrganizationId.Value) && o.UserId != userId)
                    .OrderByDescending(o => o.PlacedAt).Include(o => o.Lines).ToListAsync())
                .Select(o => (o, names[o.OrganizationId!.Value])).ToList();
        }
    }
}
