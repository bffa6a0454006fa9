namespace Normative.Features.Store.Tax;

/// <summary>
/// The VAT rates of the EU member states (Regimes/eu-rates.json), with where the figures come from and
/// their date: each state's standard rate, and its rate for printed books where it has a lower one.
/// </summary>
public sealed record EuVatRates(string Source, string Url, DateOnly AsOf, string Note, IReadOnlyDictionary<string, decimal> Rates, IReadOnlyDictionary<string, decimal> Printed)
{
    public bool IsMember(string country) => Rates.ContainsKey(country);

    /// <summary>What a consumer in <paramref name="country"/> pays on a printed copy sent there: its rate for printed books, else its standard rate.</summary>
    public decimal PrintedRate(string country) => Printed.TryGetValue(country, out var rate) ? rate : Rates[country];
}
