using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Content.Articles;
using Normative.Features.Content.Events;
using Normative.Features.Content.Mailings;
using Normative.Features.Content.Pages;
using Normative.Features.Content.Updates;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Content;

/// <summary>
/// The site's own voice: news and insights written by Editors (Markdown, preview, statuses, one
/// version per language, feeds, the home page's featured insights), events (with an iCalendar
/// feed), the institutional pages (about, contact, the legal pages …) with their history, their read API, and email updates with double
/// opt-in (the footer's form on every page, confirmation, preferences, one-click unsubscribe, the
/// clean-up of unconfirmed addresses).
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
        services.AddSingleton<ContentMoments>();
        // Catalogue:OutputCache=false turns this cache off with the catalogue's (benchmarks, query-count tests).
        services.Configure<OutputCacheOptions>(o =>
            o.AddPolicy(ContentCachePolicy.Name, new ContentCachePolicy(builder.Configuration.GetValue("Catalogue:OutputCache", true))));
        if (settings.Updates.CleanupEnabled)
        {
            services.AddHostedService<UnconfirmedCleanupWorker>();
        }
        services.AddScoped<MailingSender>();
        if (settings.Updates.MailingWorker)
        {
            services.AddHostedService<MailingWorker>();
        }
        if (settings.Updates.DigestEnabled)
        {
            services.AddHostedService<DigestWorker>();
        }
        services.Configure<RazorPagesOptions>(o => o.Conventions
            .AuthorizeFolder("/Content/Articles/Editor", Policies.Editor)
            .AuthorizeFolder("/Content/Events/Editor", Policies.Editor)
            .AuthorizeFolder("/Content/Pages/Editor", Policies.Editor)
            .AuthorizeFolder("/Content/Mailings/Editor", Policies.Editor)
            .AddPageRoute("/Content/Articles/Editor/Edit", "editor/articles/new")
            .AddPageRoute("/Content/Events/Editor/Edit", "editor/events/new"));

        services.AddSiteLink(new SiteLink(SiteSlots.Navigation, typeof(SiteText), "Nav.News", ContentLinks.News, Order: 40));
        services.AddSiteComponent(SiteSlots.FooterLead, typeof(UpdatesFormViewComponent));
        services.AddSiteComponent(SiteSlots.HomeFeatured, typeof(FeaturedInsightsViewComponent));
        services.AddSiteComponent(CatalogueSlots.SectorAside, typeof(TaggedArticlesViewComponent));
        services.AddSiteComponent(CatalogueSlots.StandardAside, typeof(TaggedArticlesViewComponent), order: 10);
        services.AddSiteComponent(CatalogueSlots.CommitteeOverview, typeof(TaggedArticlesViewComponent), order: 10);
        services.AddSiteComponent(CatalogueSlots.SearchResults, typeof(ArticleSearchViewComponent));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(ContentText), "Articles.News.Title", ContentLinks.News, "Sitemap.Organization", Order: 240));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(ContentText), "Articles.Insights.Title", ContentLinks.Insights, "Sitemap.Organization", Order: 241));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(ContentText), "Events.Title", ContentLinks.Events, "Sitemap.Organization", Order: 242));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(SiteText), "Footer.SignUpForUpdates", ContentLinks.Updates, "Sitemap.Account", Order: 340));
        services.AddSiteLink(new SiteLink(SiteSlots.AdminHub, typeof(ContentText), "Articles.Editor.Title", ContentLinks.EditorArticles, "Articles.Editor.Group", Roles.Administrator));
        services.AddSiteLink(new SiteLink(SiteSlots.Account, typeof(ContentText), "Articles.Editor.Title", ContentLinks.EditorArticles, Role: Roles.Editor));
        services.AddSiteLink(new SiteLink(SiteSlots.AdminHub, typeof(ContentText), "Mailings.Title", ContentLinks.EditorMailings, "Articles.Editor.Group", Roles.Administrator));
        services.AddSiteLink(new SiteLink(SiteSlots.Account, typeof(ContentText), "Mailings.Title", ContentLinks.EditorMailings, Role: Roles.Editor));
        services.AddSiteLink(new SiteLink(SiteSlots.AdminHub, typeof(ContentText), "Events.Editor.Title", ContentLinks.EditorEvents, "Articles.Editor.Group", Roles.Administrator));
        services.AddSiteLink(new SiteLink(SiteSlots.Account, typeof(ContentText), "Events.Editor.Title", ContentLinks.EditorEvents, Role: Roles.Editor));
        services.AddSitemapSource(new StaticSitemapSource("content", ContentLinks.News, ContentLinks.Insights, ContentLinks.Events, ContentLinks.PastEvents, ContentLinks.Updates));
        services.AddSingleton<ISitemapSource, ArticleSitemap>();

        // The institutional pages at /{key}: the footer and the sitemap page list the published ones.
        services.Configure<RouteOptions>(o => o.SetParameterPolicy<PageKeyRouteConstraint>(PageKeyRouteConstraint.Name));
        services.AddSingleton<PageDirectory>();
        services.AddHostedService<PageDirectoryRefresher>();
        services.AddSingleton<ISitemapSource, PageSitemap>();
        services.AddSiteComponent(SiteSlots.Pages, typeof(PageLinksViewComponent));
        services.AddSiteComponent(SiteSlots.MembersLead, typeof(MembersTextViewComponent));
        services.AddSiteLink(new SiteLink(SiteSlots.AdminHub, typeof(ContentText), "Pages.Editor.Title", ContentLinks.EditorPages, "Articles.Editor.Group", Roles.Administrator));
        services.AddSiteLink(new SiteLink(SiteSlots.Account, typeof(ContentText), "Pages.Editor.Title", ContentLinks.EditorPages, Role: Roles.Editor));
    }

    public override IEnumerable<System.CommandLine.Command> Commands() =>
    [
        MailingCommand.Create(),      // mailing newsletter
        PagesCommand.Create(),        // pages defaults
    ];

    /// <summary>The Atom feeds of news and insights, the events' iCalendar feed and the API.</summary>
    public override void MapEndpoints(WebApplication app)
    {
        app.MapArticleFeeds();
        app.MapArticleImages();
        app.MapEventCalendar();
        app.MapContentApi();
    }
}
