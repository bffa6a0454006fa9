using Normative.Features.Catalogue.OpenData;
using Normative.Features.Catalogue.Search;

namespace Normative.Features.Catalogue;

/// <summary>The catalogue: import, search, the version that keys its caches, and output caching of its public pages.</summary>
public static class CatalogueSetup
{
    public static WebApplicationBuilder AddCatalogue(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddTransient<CatalogueImporter>();
        services.AddTransient<CatalogueSearch>();
        services.AddSingleton<CatalogueVersion>();
        if (builder.Configuration.GetValue("Catalogue:VersionPollSeconds", 2.0) > 0)
        {
            services.AddHostedService<CatalogueVersionWatcher>();
        }
        services.AddOutputCache(o =>
        {
            // Catalogue:OutputCache=false measures the pages without the cache (bench/catalogue).
            o.AddPolicy(CatalogueCachePolicy.Name, new CatalogueCachePolicy(builder.Configuration.GetValue("Catalogue:OutputCache", true)));
            o.SizeLimit = builder.Configuration.GetValue("Catalogue:CacheMegabytes", 256L) * 1024 * 1024;
            o.MaximumBodySize = 8 * 1024 * 1024;
        });
        return builder;
    }

    /// <summary>After authentication, so the cache knows who is anonymous.</summary>
    public static WebApplication UseCatalogue(this WebApplication app)
    {
        app.UseOutputCache();
        return app;
    }
}
