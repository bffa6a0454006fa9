namespace Normative.Features.Store.Tax;

/// <summary>
/// One rate of a tax regime: for a kind of product, from a date, for the seller's own territory or
/// (in <see cref="TaxRegime.Abroad"/>) for buyers in one country or "*", every other country.
/// </summary>
public sealed record TaxRule(TaxKind Kind, decimal Rate, DateOnly From, string Note, string Country = TaxRule.AnyOtherCountry, TaxBasis? Basis = null)
{
    public const string AnyOtherCountry = "*";
}
