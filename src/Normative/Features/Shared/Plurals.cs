using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Normative.Features.Shared;

/// <summary>
/// Plurals through the resource files: a text with a count has a key per CLDR plural category of
/// the language (<c>Search.Count.One</c>, <c>.Few</c>, <c>.Many</c>, <c>.Other</c>); the rules
/// below are CLDR's for whole numbers in the site's four languages.
/// </summary>
public static class Plurals
{
    public static string Category(long n, string language) => language switch
    {
        "fr" => n is 0 or 1 ? "One" : "Other",
        "ru" => (n % 10, n % 100) switch
        {
            (1, not 11) => "One",
            (>= 2 and <= 4, < 12 or > 14) => "Few",
            _ => "Many",
        },
        _ => n == 1 ? "One" : "Other",
    };

    /// <summary>The text of <paramref name="key"/> for <paramref name="count"/> in the current language; the count is argument {0}.</summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, string key, long count, params object[] more)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        object[] arguments = [count, .. more];
        var text = localizer[key + "." + Category(count, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), arguments];
        return text.ResourceNotFound ? localizer[key + ".Other", arguments] is { ResourceNotFound: false } other ? other : localizer[key, arguments] : text;
    }
}
