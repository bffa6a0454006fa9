using System.Text;
using Microsoft.Net.Http.Headers;

namespace Normative.Features.Site.Identity;

/// <summary>
/// The logo and the colours' stylesheet, from memory. An address names one version for good, so
/// browsers and proxies keep it a year. An older version's address (a page another node cached a
/// moment before the change) still gets the current file, but only revalidated, never kept.
/// The preview's stylesheet carries the colours being chosen on the identity page (a stylesheet,
/// not an inline style, so the page keeps to the Content-Security-Policy).
/// </summary>
public static class IdentityEndpoints
{
    public static IEndpointRouteBuilder MapSiteIdentity(this IEndpointRouteBuilder app)
    {
        app.MapGet("/site/identity/preview.css", Preview).ExcludeFromDescription();
        app.MapGet("/site/identity/{name}", Serve).ExcludeFromDescription();
        return app;
    }

    private static IResult Preview(string? primary, string? link, string? accent, HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Text(IdentityRules.PreviewStylesheet(primary, link, accent), "text/css", Encoding.UTF8);
    }

    private static IResult Serve(string name, HttpContext context, IdentityStore store)
    {
        var current = store.Current;
        if (name.StartsWith("colours-", StringComparison.Ordinal) && name.EndsWith(".css", StringComparison.Ordinal))
        {
            return Send(context, name["colours-".Length..^4], current.CssVersion, Encoding.UTF8.GetBytes(current.Css), "text/css; charset=utf-8");
        }
        if (name.StartsWith("logo-", StringComparison.Ordinal) && name.EndsWith(".png", StringComparison.Ordinal) && current.Logo is { } logo)
        {
            return Send(context, name["logo-".Length..^4], current.LogoVersion!, logo.Png, Logos.ContentType);
        }
        return TypedResults.NotFound();
    }

    private static IResult Send(HttpContext context, string asked, string version, byte[] content, string contentType)
    {
        var etag = new EntityTagHeaderValue($"\"{version}\"");
        context.Response.Headers.CacheControl = asked == version ? "public, max-age=31536000, immutable" : "no-cache";
        if (context.Request.Headers.IfNoneMatch.ToString() == etag.ToString())
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Bytes(content, contentType, entityTag: etag);
    }
}
