using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Normative.Features.Catalogue;

/// <summary>
/// Output caching for the catalogue's public pages and API reads. Only anonymous GET and HEAD
/// requests are cached, and only when they carry no cookie but the language choice — a session, a
/// cart or an antiforgery cookie means the page may be personal, so it is neither served from nor
/// stored in the cache; a response that sets a cookie is never stored. Entries are keyed by the
/// page's language and the whole query string, and tagged with what they show
/// (<see cref="CatalogueCacheTags"/>): when the catalogue's version moves, <see cref="CatalogueVersion"/>
/// drops only the entries tagged with what changed. A page computed while the version moved is not
/// stored, since it may have been read before the change and the eviction may already be past.
/// </summary>
public sealed class CatalogueCachePolicy(bool enabled = true) : IOutputCachePolicy
{
    public const string Name = "catalogue";

    private const string ComputedAt = "catalogue-version-at-start";

    private static readonly HashSet<string> PreferenceCookies = [Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName];

    public static bool IsAnonymous(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.Identity?.IsAuthenticated != true
            && !context.Request.Headers.ContainsKey(HeaderNames.Authorization)
            && context.Request.Cookies.Keys.All(PreferenceCookies.Contains);
    }

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var version = http.RequestServices.GetRequiredService<CatalogueVersion>().Current;
        var cacheable = enabled
            && version > 0
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && IsAnonymous(http);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        http.Items[ComputedAt] = version;
        context.CacheVaryByRules.VaryByValues["language"] = CultureInfo.CurrentUICulture.Name;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        context.Tags.Add(Name);
        // Compared again when the page is stored (CatalogueCacheStore), once its body is written.
        context.Tags.Add(CatalogueCacheStore.VersionTag(version));
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var response = http.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || http.Items[ComputedAt] is not long started || started != http.RequestServices.GetRequiredService<CatalogueVersion>().Current)
        {
            context.AllowCacheStorage = false;
        }
        if (!CatalogueCacheTags.IsDeclared(http))
        {
            context.Tags.Add(CatalogueCacheTags.Lists);
        }
        return ValueTask.CompletedTask;
    }
}
