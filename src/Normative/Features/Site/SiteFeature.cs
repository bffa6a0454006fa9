using Microsoft.AspNetCore.Mvc.RazorPages;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Site;

/// <summary>The public pages of the shell: home, about, accessibility, privacy, copyright, contact, sitemap, errors.</summary>
public sealed class SiteFeature : Feature
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            foreach (var section in ComingSoon.Sections)
            {
                o.Conventions.AddPageRoute("/Site/Coming", section.Route);
            }
        });
        var services = builder.Services;
        services.AddSitemapSource(new StaticSitemapSource("pages", "/", "/about", "/accessibility", "/privacy", "/copyright", "/contact", "/sitemap"));
        foreach (var (key, href, group, order) in new[]
        {
            ("Nav.AboutUs", "/about", "Sitemap.Organization", 201),
            ("About.Members.Title", "/about#members", "Sitemap.Organization", 202),
            ("About.Consensus.Title", "/about#consensus", "Sitemap.Organization", 203),
            ("Nav.News", "/news", "Sitemap.Organization", 240),
            ("Footer.SignUpForUpdates", "/updates", "Sitemap.Account", 340),
            ("Footer.Accessibility", "/accessibility", "Sitemap.About", 401),
            ("Footer.Privacy", "/privacy", "Sitemap.About", 402),
            ("Footer.Copyright", "/copyright", "Sitemap.About", 403),
            ("Footer.Contact", "/contact", "Sitemap.About", 404),
            ("Footer.Api", "/api/docs", "Sitemap.About", 405),
        })
        {
            services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(SiteText), key, href, group, Order: order));
        }
    }
}
