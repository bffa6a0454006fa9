namespace Normative.Features.Site.Identity;

/// <summary>The site's three main colours, each "#rrggbb": the header's background (and headings), links, and the accent of buttons and badges.</summary>
public sealed record Palette(string Primary, string Link, string Accent)
{
    /// <summary>The colours site.css was drawn with.</summary>
    public static Palette BuiltIn { get; } = new("#0b2545", "#0a4f9e", "#b3102a");
}
