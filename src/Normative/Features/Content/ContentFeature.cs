using Normative.Features.Content.Updates;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Content;

/// <summary>
/// The site's own voice: email updates with double opt-in (the footer's form on every page, the
/// confirmation, preferences and one-click unsubscribe, the clean-up of unconfirmed addresses).
/// </summary>
public sealed class ContentFeature : Feature
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var settings = ContentOptions.From(builder.Configuration);
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);
        services.AddSingleton<SubscriptionTokens>();
        services.AddSingleton<SignUpLimiter>();
        if (settings.Updates.CleanupEnabled)
        {
            services.AddHostedService<UnconfirmedCleanupWorker>();
        }

        services.AddSiteComponent(SiteSlots.FooterLead, typeof(UpdatesFormViewComponent));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(SiteText), "Footer.SignUpForUpdates", ContentLinks.Updates, "Sitemap.Account", Order: 340));
        services.AddSitemapSource(new StaticSitemapSource("content", ContentLinks.Updates));
    }
}
