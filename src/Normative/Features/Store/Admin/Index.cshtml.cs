using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Orders;

namespace Normative.Features.Store.Admin;

/// <summary>The Editors' store desk: orders waiting for something, and links to prices, files and tax rules.</summary>
public class IndexModel(NormativeDb db) : PageModel
{
    public int AwaitingTransfer { get; private set; }
    public int ToShip { get; private set; }
    public int MissingFiles { get; private set; }
    public int Problems { get; private set; }

    public async Task OnGetAsync()
    {
        AwaitingTransfer = await db.Orders.CountAsync(o => o.Status == OrderStatus.Placed && o.PaymentMethod == PaymentMethod.Invoice);
        ToShip = await db.OrderLines.CountAsync(l => l.ShippingStatus == ShippingStatus.Pending && db.Orders.Any(o => o.Id == l.OrderId && o.Status == OrderStatus.Paid));
        MissingFiles = await Files.CountMissingAsync(db);
        Problems = await db.OrderEvents.CountAsync(e => e.Kind == OrderEventKind.PaymentProblem);
    }
}
