using Normative.Features.Accounts;
using Normative.Features.Shared;
using Normative.Features.Site.Identity;
using Normative.Web;

namespace Normative.Features.Site;

/// <summary>The public pages of the shell: home, sitemap, errors, security.txt; the site's logo and colours.</summary>
public sealed class SiteFeature : Feature
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSitemapSource(new StaticSitemapSource("pages", SiteLinks.Home, SitePages.Sitemap));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(SiteText), "Footer.Api", SitePages.ApiDocs, "Sitemap.About", Order: 405));

        // The header's navigation (the catalogue, development and the store add theirs) and the
        // footer; the institutional pages (about, contact, the legal pages) list themselves there.
        services.AddSiteLink(new SiteLink(SiteSlots.Navigation, typeof(SiteText), "Nav.AboutUs", SiteLinks.About, Order: 30));
        services.AddSiteLink(new SiteLink(SiteSlots.Footer, typeof(SiteText), "Footer.Sitemap", SitePages.Sitemap, Order: 1));
        services.AddSiteLink(new SiteLink(SiteSlots.Footer, typeof(SiteText), "Footer.Api", SitePages.ApiDocs, Order: 6));

        // The logo and colours every page shows: defaults from configuration, an Administrator's choice in the database.
        services.AddSingleton<SiteIdentity>();
        services.AddSingleton<IdentityDefaults>();
        services.AddSingleton<IdentityStore>();
        services.AddHostedService<IdentityRefresher>();
        services.AddSiteLink(new SiteLink(SiteSlots.AdminHub, typeof(SiteText), "Identity.Title", IdentityLinks.Edit, "Identity.Group", Roles.Administrator));
    }

    public override void MapEndpoints(WebApplication app)
    {
        app.MapSecurityTxt();         // /.well-known/security.txt
        app.MapSiteIdentity();        // the logo and the colours' stylesheet
    }
}
