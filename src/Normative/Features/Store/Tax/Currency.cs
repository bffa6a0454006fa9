using System.Globalization;

namespace Normative.Features.Store.Tax;

/// <summary>
/// The deployment's currency: its ISO 4217 code, how many minor units it has (2 for cents and
/// centimes) and the step the amount to pay is rounded to (0.05 CHF, the smallest Swiss coin; 0.01
/// where there is no cash rounding). VAT is rounded to the minor unit, half away from zero.
/// </summary>
public sealed record Currency(string Code, int MinorUnits, decimal CashRounding)
{
    /// <summary>The smallest amount the currency writes: 0.01 for two minor units.</summary>
    public decimal MinorUnit => MinorUnits == 0 ? 1m : 1m / (decimal)Math.Pow(10, MinorUnits);

    public decimal Round(decimal amount) => Math.Round(amount, MinorUnits, MidpointRounding.AwayFromZero);

    /// <summary>The amount to pay: rounded to the cash-rounding step when there is one (0.01–0.02 → 0.00, 0.03–0.07 → 0.05, 0.08–0.09 → 0.10).</summary>
    public decimal ToPayable(decimal amount) =>
        CashRounding > MinorUnit ? Math.Round(amount / CashRounding, 0, MidpointRounding.AwayFromZero) * CashRounding : Round(amount);

    /// <summary>"CHF 1,234.50" in English, "CHF 1 234,50" in French: the page's language writes the number.</summary>
    public string Format(decimal amount) => Code + " " + Number(amount);

    public string Number(decimal amount) => amount.ToString("N" + MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);
}
