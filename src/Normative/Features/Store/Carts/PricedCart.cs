using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Offers;
using Normative.Features.Store.Shipping;
using Normative.Features.Store.Subscriptions;
using Normative.Features.Store.Tax;
using Normative.Web;

namespace Normative.Features.Store.Carts;

/// <summary>
/// A cart with today's prices: every amount is computed here from the price bands, overrides, the
/// collections' yearly prices and the tax regime, never taken from the buyer. Lines whose offer has
/// gone (the deliverable is no longer on sale in that format or language, the collection is off
/// sale) are marked and left out of the totals.
/// </summary>
public sealed record PricedCart(Cart Cart, IReadOnlyList<PricedCart.Line> Lines, PriceList Prices)
{
    /// <param name="Collection">A subscription line's collection while it is on sale.</param>
    public sealed record Line(CartLine CartLine, Deliverable? Deliverable, Offer? Offer, Collection? Collection = null)
    {
        public bool Available => (Offer is not null && Deliverable is not null) || Collection is not null;
        public decimal UnitPrice => Offer?.Price ?? Collection?.YearlyPrice ?? 0m;
        public decimal Net => Vat.LineNet(UnitPrice, CartLine.Quantity);
        /// <summary>What the buyer sees the line as: the deliverable's reference, or the collection's name in the page's language.</summary>
        public string Name => Deliverable?.Reference ?? Collection?.NameIn(Cultures.Current) ?? "#" + (CartLine.DeliverableId ?? CartLine.CollectionId);
    }

    public IEnumerable<Line> Available => Lines.Where(l => l.Available);

    public bool HasUnavailable => Lines.Any(l => !l.Available);

    /// <summary>
    /// Something licensed to one person, whose name the buyer gives at checkout: a PDF for one
    /// person, or a subscription (its PDFs are stamped for the same person).
    /// </summary>
    public bool HasSingleUserPdf => Available.Any(l => l.CartLine.Format is ProductFormat.Pdf or ProductFormat.Subscription
        && !Seats.SeatRules.IsMultiUser(l.CartLine.Format, l.CartLine.Quantity));

    /// <summary>A multi-user licence (a PDF or a subscription), bought for an organisation whose administrators name its seats.</summary>
    public bool HasSeats => Available.Any(l => Seats.SeatRules.IsMultiUser(l.CartLine.Format, l.CartLine.Quantity));

    public bool HasPaper => Available.Any(l => l.CartLine.Format == ProductFormat.Paper);

    public decimal Net => Available.Sum(l => l.Net);

    /// <summary>
    /// The totals for a buyer billed in <paramref name="country"/> (a business with
    /// <paramref name="vatNumber"/>) whose printed copies go to <paramref name="shipTo"/> (null: the
    /// billing country), with their <paramref name="shipping"/> charge when known, or null when the
    /// regime has no rule for one of those countries.
    /// </summary>
    public Vat.Totals? TotalsFor(TaxRegime regime, string country, string? vatNumber, DateOnly on, string? shipTo = null, decimal? shipping = null)
    {
        ArgumentNullException.ThrowIfNull(regime);
        var lines = new List<Vat.Line>();
        TaxDecision? printed = null;
        foreach (var line in Available)
        {
            if (regime.Decide(country, vatNumber, TaxRegime.KindOf(line.CartLine.Format), on, shipTo) is not { } tax)
            {
                return null;
            }
            lines.Add(new Vat.Line(line.Net, tax.Rate, tax.Country, tax.Basis));
            printed ??= line.CartLine.Format == ProductFormat.Paper ? tax : null;
        }
        if (shipping is { } charge && printed is not null)
        {
            // Shipping follows the VAT of the printed copies it delivers.
            lines.Add(new Vat.Line(charge, printed.Rate, printed.Country, printed.Basis, IsShipping: true));
        }
        return Vat.Compute(lines, regime.Currency);
    }

    /// <summary>The printed pages the parcel holds (each printed copy's pages times its quantity): what its shipping charge depends on.</summary>
    public int PrintedPages => ShippingRules.Pages(Available.Where(l => l.CartLine.Format == ProductFormat.Paper).Select(l => (l.Offer!.Pages ?? 1, l.CartLine.Quantity)));

    public static async Task<PricedCart> PriceAsync(NormativeDb db, Cart cart, CancellationToken ct)
    {
        var ids = cart.Lines.Where(l => l.DeliverableId is not null).Select(l => l.DeliverableId!.Value).Distinct().ToList();
        var deliverables = await db.Deliverables.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var prices = await Pricing.LoadAsync(db, ids, ct);
        var collectionIds = cart.Lines.Where(l => l.CollectionId is not null).Select(l => l.CollectionId!.Value).Distinct().ToList();
        var collections = collectionIds.Count == 0 ? []
            : await db.Collections.AsNoTracking().Where(c => collectionIds.Contains(c.Id) && c.OnSale).ToDictionaryAsync(c => c.Id, ct);
        var lines = cart.Lines
            .OrderBy(l => l.AddedAt).ThenBy(l => l.Id)
            .Select(l =>
            {
                if (l.CollectionId is { } collectionId)
                {
                    return new Line(l, null, null, collections.GetValueOrDefault(collectionId));
                }
                var d = l.DeliverableId is { } id ? deliverables.GetValueOrDefault(id) : null;
                return new Line(l, d, d is null ? null : prices.Find(d, l.Format, l.Language));
            })
            .ToList();
        return new PricedCart(cart, lines, prices);
    }
}
