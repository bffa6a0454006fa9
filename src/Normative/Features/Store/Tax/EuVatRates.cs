namespace Normative.Features.Store.Tax;

/// <summary>The standard VAT rate of each EU member state (Regimes/eu-standard-rates.json), with where the figures come from and their date.</summary>
public sealed record EuVatRates(string Source, string Url, DateOnly AsOf, string Note, IReadOnlyDictionary<string, decimal> Rates)
{
    public bool IsMember(string country) => Rates.ContainsKey(country);
}
