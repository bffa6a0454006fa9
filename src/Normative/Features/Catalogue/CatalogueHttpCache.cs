using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Normative.Features.Catalogue;

/// <summary>
/// HTTP caching headers for catalogue answers: for anonymous visitors a weak ETag made of the
/// catalogue version and the language, and a short public max-age; for everyone else no-cache.
/// </summary>
public static class CatalogueHttpCache
{
    public const int MaxAgeSeconds = 60;

    /// <summary>Sets the headers; true when the client's copy is still current, so the answer is 304 Not Modified.</summary>
    public static bool IsNotModified(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var version = context.RequestServices.GetRequiredService<CatalogueVersion>().Current;
        var headers = context.Response.Headers;
        if (version <= 0 || !CatalogueCachePolicy.IsAnonymous(context))
        {
            headers.CacheControl = "private, no-cache";
            return false;
        }
        var etag = $"W/\"c{version.ToString(CultureInfo.InvariantCulture)}-{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}\"";
        headers.ETag = etag;
        headers.CacheControl = $"public, max-age={MaxAgeSeconds.ToString(CultureInfo.InvariantCulture)}";
        headers.Vary = "Accept-Language, Cookie";
        var ifNoneMatch = context.Request.Headers[HeaderNames.IfNoneMatch].ToString();
        return ifNoneMatch.Length > 0
            && (ifNoneMatch.Trim() == "*" || ifNoneMatch.Split(',').Any(t => t.Trim() == etag || "W/" + t.Trim() == etag));
    }
}
