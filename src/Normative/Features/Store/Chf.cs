using System.Globalization;

namespace Normative.Features.Store;

/// <summary>Amounts in Swiss francs, always with two decimals, written the way the page's language writes numbers.</summary>
public static class Chf
{
    public static string Format(decimal amount) => "CHF " + Number(amount);

    public static string Number(decimal amount) => amount.ToString("N2", CultureInfo.CurrentCulture);
}
