namespace Normative.Features.Store.Tax;

/// <summary>The VAT of one line: the rate (0.19 for 19 %), the country whose VAT it is, and why.</summary>
public sealed record TaxDecision(decimal Rate, string Country, TaxBasis Basis);
