using Normative.Features.Catalogue;
using Normative.Features.Store.Checkout;

namespace Normative.Features.Store.Offers;

/// <summary>
/// What the prices and the VAT of some deliverables depend on: the page bands, the Editors' prices
/// for those deliverables and the tax rules, loaded together by <see cref="Pricing.LoadAsync"/>.
/// </summary>
public sealed record PriceList(IReadOnlyList<PriceBand> Bands, IReadOnlyList<PriceOverride> Overrides, IReadOnlyList<TaxRule> TaxRules)
{
    public IReadOnlyList<Offer> OffersFor(Deliverable d) => Pricing.OffersFor(d, Bands, Overrides);

    public Offer? Find(Deliverable d, ProductFormat format, string language) => Pricing.Find(d, Bands, Overrides, format, language);

    public decimal VatRate(string country, ProductFormat format, DateOnly on) => TaxRates.RateFor(TaxRules, country, format, on);
}
