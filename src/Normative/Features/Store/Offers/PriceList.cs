using Normative.Features.Catalogue;

namespace Normative.Features.Store.Offers;

/// <summary>
/// What the offers, prices and VAT of some deliverables depend on: the page bands, the Editors'
/// prices for those deliverables, the tax rules and what can be delivered, loaded together by
/// <see cref="Pricing.LoadAsync"/>.
/// </summary>
public sealed record PriceList(IReadOnlyList<PriceBand> Bands, IReadOnlyList<PriceOverride> Overrides, Stock Stock)
{
    public IReadOnlyList<Offer> OffersFor(Deliverable d) => Pricing.OffersFor(d, Bands, Overrides, Stock);

    public Offer? Find(Deliverable d, ProductFormat format, string language) => Pricing.Find(d, Bands, Overrides, Stock, format, language);
}
