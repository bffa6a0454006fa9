using Normative.Features.Store.Tax;

namespace Normative.Features.Store.Checkout;

/// <summary>
/// VAT and totals in the deployment's currency. Line amounts are net; VAT is computed once per rate
/// and country on the net sum of those lines and rounded to the minor unit (commercial rounding,
/// half away from zero); the amount to pay is rounded to the currency's cash-rounding step (0.05
/// CHF, the smallest Swiss coin) and the difference shown as rounding.
/// </summary>
public static class Vat
{
    /// <param name="IsShipping">The shipping of printed copies: taxed with them (same rate, country and basis) and shown apart.</param>
    public sealed record Line(decimal Net, decimal Rate, string Country, TaxBasis Basis, bool IsShipping = false);

    public sealed record RateTotal(decimal Rate, string Country, TaxBasis Basis, decimal Net, decimal Vat);

    /// <param name="Shipping">The net shipping charge, part of <paramref name="Net"/>; null when nothing is shipped.</param>
    public sealed record Totals(IReadOnlyList<RateTotal> ByRate, decimal Net, decimal Vat, decimal Rounding, decimal Total, decimal? Shipping = null);

    public static decimal ToCentimes(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static decimal LineNet(decimal unitPrice, int quantity) => ToCentimes(unitPrice * quantity);

    public static Totals Compute(IEnumerable<Line> lines, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var all = lines.ToList();
        var byRate = all
            .GroupBy(l => (l.Rate, l.Country, l.Basis))
            .OrderByDescending(g => g.Key.Rate).ThenBy(g => g.Key.Country, StringComparer.Ordinal).ThenBy(g => g.Key.Basis)
            .Select(g =>
            {
                var net = currency.Round(g.Sum(l => l.Net));
                return new RateTotal(g.Key.Rate, g.Key.Country, g.Key.Basis, net, currency.Round(net * g.Key.Rate));
            })
            .ToList();
        var netTotal = byRate.Sum(r => r.Net);
        var vatTotal = byRate.Sum(r => r.Vat);
        var exact = netTotal + vatTotal;
        var total = currency.ToPayable(exact);
        decimal? shipping = all.Any(l => l.IsShipping) ? currency.Round(all.Where(l => l.IsShipping).Sum(l => l.Net)) : null;
        return new Totals(byRate, netTotal, vatTotal, total - exact, total, shipping);
    }

    /// <summary>The rate as people write it: 0.081 → "8.1".</summary>
    public static string Percent(decimal rate) => (rate * 100m).ToString("0.##", System.Globalization.CultureInfo.CurrentCulture);
}
