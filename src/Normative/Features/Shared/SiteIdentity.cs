namespace Normative.Features.Shared;

/// <summary>
/// What the layout shows of the site's identity: the logo's address and size, and the address of
/// the stylesheet with the site's colours (none while the built-in colours apply). The site
/// feature keeps it current on every node; the layout only reads it, at no cost.
/// </summary>
public sealed class SiteIdentity
{
    public sealed record Look(string LogoUrl, int LogoWidth, int LogoHeight, string? ColoursUrl);

    /// <summary>The built-in logo of wwwroot/img and site.css's own colours.</summary>
    public static Look BuiltIn { get; } = new("/img/logo.svg", 40, 40, null);

    private Look _current = BuiltIn;

    public Look Current => Volatile.Read(ref _current);

    public void Set(Look look)
    {
        ArgumentNullException.ThrowIfNull(look);
        Volatile.Write(ref _current, look);
    }
}
