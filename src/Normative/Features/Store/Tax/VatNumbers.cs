using System.Text.RegularExpressions;

namespace Normative.Features.Store.Tax;

/// <summary>
/// The format of VAT numbers, per country: the EU member states as the European Commission's VIES
/// describes them, plus Switzerland (UID with MWST/TVA/IVA) and the United Kingdom. Only the format
/// is checked — whether the number is registered is for VIES, which a seller consults for large
/// orders. A country not listed here has no known format, so any number is accepted as typed.
/// </summary>
public static partial class VatNumbers
{
    // Keyed by ISO 3166-1 country code; the prefix is what the number starts with (Greece writes EL).
    private static readonly Dictionary<string, (string Prefix, Regex Pattern)> Formats = new(StringComparer.Ordinal)
    {
        ["AT"] = ("AT", new Regex("^U[0-9]{8}$")),
        ["BE"] = ("BE", new Regex("^[01][0-9]{9}$")),
        ["BG"] = ("BG", new Regex("^[0-9]{9,10}$")),
        ["CY"] = ("CY", new Regex("^[0-9]{8}[A-Z]$")),
        ["CZ"] = ("CZ", new Regex("^[0-9]{8,10}$")),
        ["DE"] = ("DE", new Regex("^[0-9]{9}$")),
        ["DK"] = ("DK", new Regex("^[0-9]{8}$")),
        ["EE"] = ("EE", new Regex("^[0-9]{9}$")),
        ["GR"] = ("EL", new Regex("^[0-9]{9}$")),
        ["ES"] = ("ES", new Regex("^[0-9A-Z][0-9]{7}[0-9A-Z]$")),
        ["FI"] = ("FI", new Regex("^[0-9]{8}$")),
        ["FR"] = ("FR", new Regex("^[0-9A-HJ-NP-Z]{2}[0-9]{9}$")),
        ["HR"] = ("HR", new Regex("^[0-9]{11}$")),
        ["HU"] = ("HU", new Regex("^[0-9]{8}$")),
        ["IE"] = ("IE", new Regex("^([0-9][0-9A-Z+*][0-9]{5}[A-W]|[0-9]{7}[A-W][A-I])$")),
        ["IT"] = ("IT", new Regex("^[0-9]{11}$")),
        ["LT"] = ("LT", new Regex("^([0-9]{9}|[0-9]{12})$")),
        ["LU"] = ("LU", new Regex("^[0-9]{8}$")),
        ["LV"] = ("LV", new Regex("^[0-9]{11}$")),
        ["MT"] = ("MT", new Regex("^[0-9]{8}$")),
        ["NL"] = ("NL", new Regex("^[0-9]{9}B[0-9]{2}$")),
        ["PL"] = ("PL", new Regex("^[0-9]{10}$")),
        ["PT"] = ("PT", new Regex("^[0-9]{9}$")),
        ["RO"] = ("RO", new Regex("^[1-9][0-9]{1,9}$")),
        ["SE"] = ("SE", new Regex("^[0-9]{10}01$")),
        ["SI"] = ("SI", new Regex("^[0-9]{8}$")),
        ["SK"] = ("SK", new Regex("^[0-9]{10}$")),
        ["CH"] = ("CHE", new Regex("^[0-9]{9}(MWST|TVA|IVA)$")),
        ["LI"] = ("CHE", new Regex("^[0-9]{9}(MWST|TVA|IVA)$")),
        ["GB"] = ("GB", new Regex("^([0-9]{9}|[0-9]{12}|GD[0-4][0-9]{2}|HA[5-9][0-9]{2})$")),
    };

    /// <summary>Whether numbers of this country have a format this store checks.</summary>
    public static bool HasFormat(string country) => Formats.ContainsKey(country.Trim().ToUpperInvariant());

    /// <summary>
    /// The number written the canonical way (country prefix, no spaces, dots or dashes: DE123456789,
    /// CHE123456789MWST), or null when it is not in the country's format. A number of a country
    /// without a known format comes back cleaned of spaces only.
    /// </summary>
    public static string? Normalize(string country, string number)
    {
        var code = country.Trim().ToUpperInvariant();
        var compact = Separators().Replace(number.ToUpperInvariant(), "");
        if (!Formats.TryGetValue(code, out var format))
        {
            return compact.Length == 0 ? null : compact;
        }
        var body = compact.StartsWith(format.Prefix, StringComparison.Ordinal) ? compact[format.Prefix.Length..] : compact;
        return format.Pattern.IsMatch(body) ? format.Prefix + body : null;
    }

    public static bool IsWellFormed(string country, string number) => HasFormat(country) && Normalize(country, number) is not null;

    [GeneratedRegex(@"[\s.\-]")]
    private static partial Regex Separators();
}
