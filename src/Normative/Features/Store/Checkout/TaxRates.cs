namespace Normative.Features.Store.Checkout;

/// <summary>Chooses the VAT rate from the tax_rules table: the buyer's country first, then "*"; the newest rule in force.</summary>
public static class TaxRates
{
    public static decimal RateFor(IReadOnlyCollection<TaxRule> rules, string country, ProductFormat format, DateOnly on)
    {
        var code = country.Trim().ToUpperInvariant();
        // Reading online is an electronically supplied service, taxed like the PDF.
        format = format == ProductFormat.Online ? ProductFormat.Pdf : format;
        var rule = Latest(rules, code, format, on) ?? Latest(rules, TaxRule.AnyOtherCountry, format, on)
            ?? throw new InvalidOperationException($"No tax rule applies to {format} for {code} on {on:yyyy-MM-dd}; check the tax_rules table.");
        return rule.Rate;
    }

    private static TaxRule? Latest(IEnumerable<TaxRule> rules, string country, ProductFormat format, DateOnly on) =>
        rules.Where(r => r.Country == country && r.Format == format && r.ValidFrom <= on).MaxBy(r => r.ValidFrom);
}
