using System.Collections.Concurrent;
using System.Globalization;

namespace Normative.Features.Shared;

/// <summary>The 249 officially assigned ISO 3166-1 alpha-2 country codes, and their names in the page's language.</summary>
public static class CountryCodes
{
    private const string Assigned =
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
        "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
        "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
        "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
        "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

    public static IReadOnlySet<string> All { get; } = Assigned.Split(' ').ToHashSet(StringComparer.Ordinal);

    /// <summary>Upper-cases and trims; true when the result is an assigned code.</summary>
    public static bool TryNormalize(string? input, out string code)
    {
        code = (input ?? "").Trim().ToUpperInvariant();
        return All.Contains(code);
    }

    private static readonly ConcurrentDictionary<(string Language, string Code), string> Names = new();

    /// <summary>
    /// The country's name in the current UI language. RegionInfo names countries only in English or
    /// their own language, but a culture's display name is localized by ICU: "English (Germany)" is
    /// "anglais (Allemagne)" in French, and the part in brackets is the country.
    /// </summary>
    public static string Name(string code)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return Names.GetOrAdd((language, code), key =>
        {
            try
            {
                var display = new CultureInfo("en-" + key.Code).DisplayName;
                var open = display.IndexOf('(', StringComparison.Ordinal);
                var close = display.LastIndexOf(')');
                return open >= 0 && close > open + 1 ? display[(open + 1)..close] : key.Code;
            }
            catch (CultureNotFoundException)
            {
                return key.Code;
            }
        });
    }

    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> Sorted = new();

    /// <summary>Every code with its name, sorted by name in the current UI language (for country menus).</summary>
    public static IReadOnlyList<(string Code, string Name)> ByName()
    {
        var ui = CultureInfo.CurrentUICulture;
        return Sorted.GetOrAdd(ui.Name, _ =>
        {
            var comparer = StringComparer.Create(ui, CompareOptions.IgnoreCase);
            return All.Select(code => (code, Name(code))).OrderBy(c => c.Item2, comparer).ToList();
        });
    }
}
