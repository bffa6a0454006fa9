using Normative.Features.Shared;

namespace Normative.Features.Site;

/// <summary>The site's own pages (about us, contact, the legal pages) as typed links; the home page is SiteLinks.Home.</summary>
public static class SitePages
{
    [LinkTo("/Site/About")]
    public static string About => "/about";

    [LinkTo("/Site/Accessibility")]
    public static string Accessibility => "/accessibility";

    [LinkTo("/Site/Contact")]
    public static string Contact => "/contact";

    [LinkTo("/Site/Copyright")]
    public static string Copyright => "/copyright";

    [LinkTo("/Site/Privacy")]
    public static string Privacy => "/privacy";

    [LinkTo("/Site/Sitemap")]
    public static string Sitemap => "/sitemap";

    /// <summary>The API's documentation (Swagger UI, served by the platform).</summary>
    public static string ApiDocs => SiteLinks.ApiDocs;
}
