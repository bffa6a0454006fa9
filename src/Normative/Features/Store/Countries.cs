using System.Collections.Concurrent;
using System.Globalization;

namespace Normative.Features.Store;

/// <summary>
/// The countries a buyer can be billed in, as ISO 3166-1 alpha-2 codes with names in the page's
/// language, taken from the platform's locale data (ICU) instead of a list we would have to keep.
/// </summary>
public static class Countries
{
    // Codes in the locale data that are not ISO 3166-1 countries (Diego Garcia, Ceuta and Melilla,
    // the Canary Islands, Kosovo's user-assigned code).
    private static readonly HashSet<string> NotCountries = ["DG", "EA", "IC", "XK"];

    private static readonly Lazy<Dictionary<string, string>> CultureForCountry = new(() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => (Culture: c.Name, Region: RegionOf(c.Name)))
            .Where(x => x.Region is { Length: 2 } r && char.IsAsciiLetterUpper(r[0]) && char.IsAsciiLetterUpper(r[1]) && !NotCountries.Contains(r))
            .GroupBy(x => x.Region!)
            .ToDictionary(g => g.Key, g => g.First().Culture));

    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> Lists = new();

    public static bool IsKnown(string code) => CultureForCountry.Value.ContainsKey(code.ToUpperInvariant());

    /// <summary>Every country, sorted by its name in the current UI language.</summary>
    public static IReadOnlyList<(string Code, string Name)> All()
    {
        var ui = CultureInfo.CurrentUICulture;
        return Lists.GetOrAdd(ui.Name, _ =>
        {
            var comparer = StringComparer.Create(ui, CompareOptions.IgnoreCase);
            return CultureForCountry.Value.Keys.Select(code => (code, NameOf(code))).OrderBy(c => c.Item2, comparer).ToList();
        });
    }

    /// <summary>The country's name in the current UI language ("Suisse" in French).</summary>
    public static string NameOf(string code)
    {
        if (!CultureForCountry.Value.TryGetValue(code.ToUpperInvariant(), out var culture))
        {
            return code;
        }
        // A specific culture's display name reads "language (Country)" in the UI language.
        var display = CultureInfo.GetCultureInfo(culture).DisplayName;
        var open = display.IndexOf('(', StringComparison.Ordinal);
        var close = display.LastIndexOf(')');
        return open >= 0 && close > open ? display[(open + 1)..close] : new RegionInfo(code).EnglishName;
    }

    private static string? RegionOf(string culture)
    {
        try
        {
            return new RegionInfo(culture).TwoLetterISORegionName;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
