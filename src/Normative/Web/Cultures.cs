using System.Globalization;

namespace Normative.Web;

/// <summary>The site's four languages. English is the default and the fallback.</summary>
public static class Cultures
{
    public const string Default = "en";

    public static readonly IReadOnlyList<(string Code, string NativeName)> Supported =
    [
        ("en", "English"),
        ("fr", "français"),
        ("es", "español"),
        ("ru", "русский"),
    ];

    public static CultureInfo[] All => Supported.Select(s => new CultureInfo(s.Code)).ToArray();

    public static bool IsSupported(string? code) =>
        code is not null && Supported.Any(s => s.Code.Equals(code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The current UI language as a two-letter code (en, fr, es, ru).</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
