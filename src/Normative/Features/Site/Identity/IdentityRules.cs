using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Normative.Features.Site.Identity;

/// <summary>
/// Colours as the site takes them: written "#rrggbb" (or "#rgb"), and readable — WCAG 2's contrast
/// of at least 4.5:1 for the text each colour carries or is (white on the header and on buttons,
/// links on the white page). Also the stylesheet that carries them and the versions that name a
/// stylesheet or a logo for good.
/// </summary>
public static class IdentityRules
{
    /// <summary>WCAG 2.x, success criterion 1.4.3 (AA) for normal text.</summary>
    public const double MinimumContrast = 4.5;
    public const string White = "#ffffff";

    /// <summary>The second shade of the header (the navigation bar) site.css uses with the built-in colours.</summary>
    private const string BuiltInPrimaryShade = "#13315c";

    /// <summary>"#rrggbb" in lower case, or null when <paramref name="text"/> is not a colour written that way or as "#rgb".</summary>
    public static string? Parse(string? text)
    {
        var s = (text ?? "").Trim();
        if (s.Length is not (4 or 7) || s[0] != '#' || !s.Skip(1).All(char.IsAsciiHexDigit))
        {
            return null;
        }
        s = s.ToLowerInvariant();
        return s.Length == 7 ? s : string.Concat("#", s[1], s[1], s[2], s[2], s[3], s[3]);
    }

    /// <summary>The relative luminance of a parsed colour (WCAG 2).</summary>
    public static double Luminance(string colour)
    {
        static double Channel(string colour, int at)
        {
            var c = int.Parse(colour.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(colour, 1) + 0.7152 * Channel(colour, 3) + 0.0722 * Channel(colour, 5);
    }

    /// <summary>The contrast ratio of two parsed colours, from 1 (the same) to 21 (black on white).</summary>
    public static double Contrast(string a, string b)
    {
        double la = Luminance(a), lb = Luminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>
    /// The ratio as it is shown, cut (not rounded) to two decimals: 4.496 is "4.49", so a refused
    /// colour never reads as if it reached 4.5.
    /// </summary>
    public static double Shown(double ratio) => Math.Floor(ratio * 100) / 100;

    /// <summary>Null when <paramref name="text"/> may be the header's colour, else why not.</summary>
    public static ColourCheck? CheckPrimary(string? text) => Check(text, "Identity.Error.PrimaryContrast");

    /// <summary>Null when <paramref name="text"/> may be the links' colour, else why not.</summary>
    public static ColourCheck? CheckLink(string? text) => Check(text, "Identity.Error.LinkContrast");

    /// <summary>Null when <paramref name="text"/> may be the accent (buttons with white text, error messages on white), else why not.</summary>
    public static ColourCheck? CheckAccent(string? text) => Check(text, "Identity.Error.AccentContrast");

    // Each colour meets white: white text on the header and on buttons, and the colour as text
    // (links, headings, error messages) on the white page. The ratio is the same both ways.
    private static ColourCheck? Check(string? text, string contrastKey)
    {
        if (Parse(text) is not { } colour)
        {
            return new ColourCheck("Identity.Error.NotAColour", 0);
        }
        var ratio = Contrast(colour, White);
        return ratio < MinimumContrast ? new ColourCheck(contrastKey, Shown(ratio)) : null;
    }

    /// <summary>
    /// The navigation bar's shade of the header colour: a tenth lighter, unless that would bring
    /// white text on it under 4.5:1 (then the header colour itself). The built-in colour keeps the
    /// shade site.css was drawn with.
    /// </summary>
    public static string Shade(string primary)
    {
        if (primary == Palette.BuiltIn.Primary)
        {
            return BuiltInPrimaryShade;
        }
        var lighter = "#" + string.Concat(Enumerable.Range(0, 3).Select(i =>
        {
            var c = int.Parse(primary.AsSpan(1 + 2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return ((int)Math.Round(c + (255 - c) * 0.1)).ToString("x2", CultureInfo.InvariantCulture);
        }));
        return Contrast(lighter, White) >= MinimumContrast ? lighter : primary;
    }

    /// <summary>The custom properties of site.css that carry <paramref name="palette"/>, for <paramref name="selector"/>.</summary>
    public static string Stylesheet(Palette palette, string selector = ":root")
    {
        ArgumentNullException.ThrowIfNull(palette);
        return $"{selector} {{ --navy: {palette.Primary}; --navy-2: {Shade(palette.Primary)}; --blue: {palette.Link}; --red: {palette.Accent}; }}\n";
    }

    /// <summary>
    /// The preview's stylesheet: only the colours that would be accepted, so a typing mistake
    /// previews nothing rather than breaking the rule, and the page never shows unreadable text
    /// (the field's message says why the colour was refused).
    /// </summary>
    public static string PreviewStylesheet(string? primary, string? link, string? accent)
    {
        var declarations = new StringBuilder();
        if (CheckPrimary(primary) is null && Parse(primary) is { } p)
        {
            declarations.Append(CultureInfo.InvariantCulture, $" --navy: {p}; --navy-2: {Shade(p)};");
        }
        if (CheckLink(link) is null && Parse(link) is { } l)
        {
            declarations.Append(CultureInfo.InvariantCulture, $" --blue: {l};");
        }
        if (CheckAccent(accent) is null && Parse(accent) is { } a)
        {
            declarations.Append(CultureInfo.InvariantCulture, $" --red: {a};");
        }
        return $".identity-preview {{{declarations} }}\n";
    }

    /// <summary>A short name for these bytes: an address that carries it names this content for good.</summary>
    public static string Version(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content))[..16];
}
