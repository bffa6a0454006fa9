using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Offers;

namespace Normative.Features.Store.Carts;

/// <summary>
/// A cart with today's prices: every amount is computed here from the price bands, overrides and tax
/// rules, never taken from the buyer. Lines whose offer has gone (the deliverable is no longer on
/// sale in that format or language) are marked and left out of the totals.
/// </summary>
public sealed record PricedCart(Cart Cart, IReadOnlyList<PricedCart.Line> Lines, PriceList Prices)
{
    public sealed record Line(CartLine CartLine, Deliverable? Deliverable, Offer? Offer)
    {
        public bool Available => Offer is not null && Deliverable is not null;
        public decimal UnitPrice => Offer?.Price ?? 0m;
        public decimal Net => Vat.LineNet(UnitPrice, CartLine.Quantity);
    }

    public IEnumerable<Line> Available => Lines.Where(l => l.Available);

    public bool HasUnavailable => Lines.Any(l => !l.Available);

    public bool HasPdf => Available.Any(l => l.CartLine.Format == ProductFormat.Pdf);

    public decimal Net => Available.Sum(l => l.Net);

    /// <summary>The totals for a buyer billed in <paramref name="country"/>.</summary>
    public Vat.Totals TotalsFor(string country, DateOnly on) =>
        Vat.Compute(Available.Select(l => new Vat.Line(l.Net, Prices.VatRate(country, l.CartLine.Format, on))));

    public static async Task<PricedCart> PriceAsync(NormativeDb db, Cart cart, CancellationToken ct)
    {
        var ids = cart.Lines.Select(l => l.DeliverableId).Distinct().ToList();
        var deliverables = await db.Deliverables.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var prices = await Pricing.LoadAsync(db, ids, ct);
        var lines = cart.Lines
            .OrderBy(l => l.AddedAt).ThenBy(l => l.Id)
            .Select(l =>
            {
                var d = deliverables.GetValueOrDefault(l.DeliverableId);
                return new Line(l, d, d is null ? null : prices.Find(d, l.Format, l.Language));
            })
            .ToList();
        return new PricedCart(cart, lines, prices);
    }
}
