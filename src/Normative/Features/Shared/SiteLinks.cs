namespace Normative.Features.Shared;

/// <summary>
/// Absolute links for mail and feeds. Site:BaseUrl wins when set (behind a proxy the request's own
/// host may be an internal name); otherwise the request's scheme and host are used.
/// </summary>
public static class SiteLinks
{
    public static string Absolute(HttpContext context, string pathAndQuery)
    {
        var configured = context.RequestServices.GetRequiredService<IConfiguration>()["Site:BaseUrl"];
        var origin = string.IsNullOrWhiteSpace(configured)
            ? $"{context.Request.Scheme}://{context.Request.Host}"
            : configured.TrimEnd('/');
        return origin + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);
    }
}
