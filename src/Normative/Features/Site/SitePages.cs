using Normative.Features.Shared;

namespace Normative.Features.Site;

/// <summary>The shell's own pages as typed links; the home page is SiteLinks.Home, the institutional pages (about, contact …) are the content feature's.</summary>
public static class SitePages
{
    [LinkTo("/Site/Sitemap")]
    public static string Sitemap => "/sitemap";

    /// <summary>The API's documentation (Swagger UI, served by the platform).</summary>
    public static string ApiDocs => SiteLinks.ApiDocs;
}
