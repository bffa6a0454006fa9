using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Site;

/// <summary>The public pages of the shell: home, about, accessibility, privacy, copyright, contact, sitemap, errors.</summary>
public sealed class SiteFeature : Feature
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSitemapSource(new StaticSitemapSource("pages", SiteLinks.Home, SitePages.About, SitePages.Accessibility, SitePages.Privacy,
            SitePages.Copyright, SitePages.Contact, SitePages.Sitemap));
        foreach (var (key, href, group, order) in new[]
        {
            ("Nav.AboutUs", SitePages.About, "Sitemap.Organization", 201),
            ("About.Members.Title", SitePages.About + "#members", "Sitemap.Organization", 202),
            ("About.Consensus.Title", SitePages.About + "#consensus", "Sitemap.Organization", 203),
            ("Footer.Accessibility", SitePages.Accessibility, "Sitemap.About", 401),
            ("Footer.Privacy", SitePages.Privacy, "Sitemap.About", 402),
            ("Footer.Copyright", SitePages.Copyright, "Sitemap.About", 403),
            ("Footer.Contact", SitePages.Contact, "Sitemap.About", 404),
            ("Footer.Api", SitePages.ApiDocs, "Sitemap.About", 405),
        })
        {
            services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(SiteText), key, href, group, Order: order));
        }

        // The header's navigation (the catalogue, development and the store add theirs) and the footer.
        services.AddSiteLink(new SiteLink(SiteSlots.Navigation, typeof(SiteText), "Nav.AboutUs", SitePages.About, Order: 30));
        foreach (var (key, href, order) in new[]
        {
            ("Footer.Sitemap", SitePages.Sitemap, 1),
            ("Footer.Accessibility", SitePages.Accessibility, 2),
            ("Footer.Privacy", SitePages.Privacy, 3),
            ("Footer.Copyright", SitePages.Copyright, 4),
            ("Footer.Contact", SitePages.Contact, 5),
            ("Footer.Api", SitePages.ApiDocs, 6),
        })
        {
            services.AddSiteLink(new SiteLink(SiteSlots.Footer, typeof(SiteText), key, href, Order: order));
        }
    }

    public override void MapEndpoints(WebApplication app) =>
        app.MapSecurityTxt();         // /.well-known/security.txt
}
