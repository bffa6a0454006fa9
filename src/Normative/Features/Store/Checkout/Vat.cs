namespace Normative.Features.Store.Checkout;

/// <summary>
/// VAT and totals in Swiss francs. Line amounts are net; VAT is computed once per rate on the net
/// sum of that rate and rounded to the centime (commercial rounding, half away from zero); the
/// amount to pay is rounded to 0.05 CHF, the smallest coin, and the difference shown as rounding.
/// </summary>
public static class Vat
{
    public sealed record Line(decimal Net, decimal Rate);

    public sealed record RateTotal(decimal Rate, decimal Net, decimal Vat);

    public sealed record Totals(IReadOnlyList<RateTotal> ByRate, decimal Net, decimal Vat, decimal Rounding, decimal Total);

    public static decimal ToCentimes(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Rounds to 0.05 CHF: .01–.02 down to .00, .03–.07 to .05, .08–.09 up to .10.</summary>
    public static decimal ToFiveCentimes(decimal amount) => Math.Round(amount * 20m, 0, MidpointRounding.AwayFromZero) / 20m;

    public static decimal LineNet(decimal unitPrice, int quantity) => ToCentimes(unitPrice * quantity);

    public static Totals Compute(IEnumerable<Line> lines)
    {
        var byRate = lines
            .GroupBy(l => l.Rate)
            .OrderByDescending(g => g.Key)
            .Select(g =>
            {
                var net = ToCentimes(g.Sum(l => l.Net));
                return new RateTotal(g.Key, net, ToCentimes(net * g.Key));
            })
            .ToList();
        var netTotal = byRate.Sum(r => r.Net);
        var vatTotal = byRate.Sum(r => r.Vat);
        var exact = netTotal + vatTotal;
        var total = ToFiveCentimes(exact);
        return new Totals(byRate, netTotal, vatTotal, total - exact, total);
    }

    /// <summary>The rate as people write it: 0.081 → "8.1".</summary>
    public static string Percent(decimal rate) => (rate * 100m).ToString("0.##", System.Globalization.CultureInfo.CurrentCulture);
}
