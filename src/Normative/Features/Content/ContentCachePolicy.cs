using Microsoft.AspNetCore.OutputCaching;
using Normative.Features.Catalogue;

namespace Normative.Features.Content;

/// <summary>
/// Output caching for the public news, insights and events pages, their feeds and their API: the
/// catalogue's rules (anonymous GET and HEAD only, keyed by the catalogue version, which every
/// change to articles and events bumps, by language and query) plus the latest scheduled moment
/// already past (<see cref="ContentMoments"/>), so what is due appears on time.
/// </summary>
public sealed class ContentCachePolicy(bool enabled = true) : IOutputCachePolicy
{
    public const string Name = "content";

    private readonly CatalogueCachePolicy _catalogue = new(enabled);

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        await _catalogue.CacheRequestAsync(context, cancellation);
        context.Tags.Add(Name);
        if (!context.AllowCacheLookup)
        {
            return;
        }
        var services = context.HttpContext.RequestServices;
        var version = services.GetRequiredService<CatalogueVersion>().Current;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        context.CacheVaryByRules.VaryByValues["content-moment"] = await services.GetRequiredService<ContentMoments>().KeyAsync(version, now, cancellation);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        _catalogue.ServeFromCacheAsync(context, cancellation);

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) =>
        _catalogue.ServeResponseAsync(context, cancellation);
}
