using Normative.Features.Shared;

namespace Normative.Features.Site.Identity;

/// <summary>The site identity's addresses: the Administrators' page, and the logo and colours every page links.</summary>
public static class IdentityLinks
{
    [LinkTo("/Site/Identity/Edit")]
    public static string Edit => "/admin/identity";

    /// <summary>The stylesheet of the colours whose <see cref="IdentityRules.Version"/> is <paramref name="version"/>.</summary>
    public static string Colours(string version) => $"/site/identity/colours-{version}.css";

    /// <summary>The logo whose <see cref="IdentityRules.Version"/> is <paramref name="version"/>.</summary>
    public static string Logo(string version) => $"/site/identity/logo-{version}.png";

    /// <summary>The preview's stylesheet for the colours being chosen.</summary>
    public static string Preview(string? primary, string? link, string? accent) =>
        $"/site/identity/preview.css?primary={Uri.EscapeDataString(primary ?? "")}&link={Uri.EscapeDataString(link ?? "")}&accent={Uri.EscapeDataString(accent ?? "")}";
}
