using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Store.Orders;

namespace Normative.Features.Store.Admin;

/// <summary>The sales office's shipping desk: paid orders whose printed copies wait, oldest payment first, and the parcels on their way.</summary>
public class ToShipModel(NormativeDb db) : PageModel
{
    /// <summary>An order to pack: where it goes and how many printed copies wait in how many lines.</summary>
    public sealed record Waiting(string Number, DateTimeOffset? PaidAt, string? Name, string? City, string? Country, int Lines, int Copies);

    public sealed record Parcel(string Number, long ShipmentId, string Carrier, string TrackingReference, DateTimeOffset ShippedAt, string? Country);

    public List<Waiting> ToShip { get; private set; } = [];
    public List<Parcel> InTransit { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        ToShip = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Paid && o.Lines.Any(l => l.Format == ProductFormat.Paper && l.ShippingStatus == ShippingStatus.Pending))
            .OrderBy(o => o.PaidAt).ThenBy(o => o.Id)
            .Select(o => new Waiting(o.Number, o.PaidAt, o.ShippingName, o.ShippingCity, o.ShippingCountry,
                o.Lines.Count(l => l.Format == ProductFormat.Paper && l.ShippingStatus == ShippingStatus.Pending),
                o.Lines.Where(l => l.Format == ProductFormat.Paper && l.ShippingStatus == ShippingStatus.Pending).Sum(l => l.Quantity)))
            .ToListAsync(ct);
        InTransit = await (from s in db.Shipments.AsNoTracking()
                           where s.DeliveredAt == null
                           join o in db.Orders.AsNoTracking() on s.OrderId equals o.Id
                           orderby s.ShippedAt, s.Id
                           select new Parcel(o.Number, s.Id, s.Carrier, s.TrackingReference, s.ShippedAt, o.ShippingCountry)).ToListAsync(ct);
    }
}
