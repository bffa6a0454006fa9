using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Normative.Features.Site;

/// <summary>The public pages of the shell: home, about, accessibility, privacy, copyright, contact, sitemap, errors.</summary>
public static class SiteSetup
{
    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            foreach (var section in ComingSoon.Sections)
            {
                o.Conventions.AddPageRoute("/Site/Coming", section.Route);
            }
        });
        return builder;
    }
}
