using System.CommandLine;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Normative.Data;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Catalogue.OpenData;
using Normative.Features.Catalogue.Provisions;
using Normative.Features.Catalogue.Reading;
using Normative.Features.Catalogue.Search;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Catalogue;

/// <summary>The catalogue: import, search, browse, feeds, the API, and the version that keys the cache of its public pages.</summary>
public sealed class CatalogueFeature : Feature
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddTransient<CatalogueImporter>();
        services.AddTransient<CatalogueSearch>();
        services.AddSingleton<CatalogueVersion>();
        services.AddSingleton<IcsDirectory>();
        // Anonymous visitors' reads of the catalogue's pages (and of its API, below) may come from the read replica.
        services.ReadFolderFromReplica("/Catalogue");
        if (builder.Configuration.GetValue("Catalogue:VersionPollSeconds", 2.0) > 0)
        {
            services.AddHostedService<CatalogueVersionWatcher>();
        }
        // Catalogue:OutputCache=false measures the pages without the cache (bench/catalogue).
        services.Configure<OutputCacheOptions>(o =>
            o.AddPolicy(CatalogueCachePolicy.Name, new CatalogueCachePolicy(builder.Configuration.GetValue("Catalogue:OutputCache", true))));
        // A page read before a change is never stored after the change's eviction.
        CatalogueCacheStore.Decorate(services);
        // Licences to read whole texts are the store's; without it, everyone reads the preview.
        services.TryAddScoped<IReadingLicences, NoReadingLicences>();
        services.AddSiteComponent(CatalogueSlots.StandardAside, typeof(ReadOnlineViewComponent));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(ReadingText), "Terms.Title", ReadingLinks.Terms(), "Sitemap.Standards", Order: 116));
        services.AddSingleton<CommitteeTabs>();
        services.AddCommitteeTab(new CommitteeTab(CommitteeModel.Tab, 0, typeof(CatalogueText), "CommitteeTab.Overview", c => CatalogueLinks.Committee(c.Slug)));
        services.AddCommitteeTab(new CommitteeTab(CommitteeStandardsModel.Tab, 30, typeof(CatalogueText), "CommitteeTab.Standards", c => CatalogueLinks.CommitteeStandards(c.Slug)));
        services.AddSitemapSource(new CatalogueSitemap.Browse());
        services.AddSitemapSource(new CatalogueSitemap.Standards());
        services.AddSiteLink(new SiteLink(SiteSlots.Navigation, typeof(SiteText), "Nav.Standards", CatalogueLinks.Standards, Order: 10));
        services.AddSiteLink(new SiteLink(SiteSlots.Navigation, typeof(SiteText), "Nav.Sectors", CatalogueLinks.Sectors, Order: 20));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(SiteText), "Nav.Standards", CatalogueLinks.Standards, "Sitemap.Standards", Order: 110));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(SiteText), "Shell.Search", CatalogueLinks.Search(), "Sitemap.Standards", Order: 111));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(SiteText), "Nav.Sectors", CatalogueLinks.Sectors, "Sitemap.Standards", Order: 112));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(CatalogueText), "Browse.Ics", CatalogueLinks.IcsTree, "Sitemap.Standards", Order: 113));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(CatalogueText), "Browse.Committees", CatalogueLinks.Committees, "Sitemap.Standards", Order: 114));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(CatalogueText), "Browse.Sdgs", CatalogueLinks.Sdgs, "Sitemap.Standards", Order: 115));
    }

    public override void MapEndpoints(WebApplication app)
    {
        app.MapCatalogueApi();        // /api/v1/deliverables, committees, ics and the open-data export
        app.MapCatalogueEditApi();    // Editors' PUT and POST /api/v1/deliverables
        app.MapReadingApi();          // /api/v1/terms and a deliverable's text
        app.MapTextGraphics();        // the texts' images
        app.MapCatalogueFeeds();      // Atom feeds of new publications
        app.MapProvisionsApi();       // /api/v1/deliverables/{id}/provisions
        app.MapCommitteeRedirects();  // committees' old addresses by id → /committees/{slug}
    }

    public override IEnumerable<Command> Commands() =>
    [
        ImportCommand.Create(),       // import deliverables | committees | ics
        RefsCommand.Create(),         // refs normalize
        new Command("import") { StsImportCommand.Create() },   // import sts FILE... (full texts)
    ];
}
