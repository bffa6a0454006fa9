namespace Normative.Features.Shared;

/// <summary>
/// Absolute links for mail, feeds and payment return addresses. Site:BaseUrl wins when set (behind a
/// proxy the request's own host may be an internal name); otherwise the request's scheme and host;
/// a background job with neither uses localhost.
/// </summary>
public static class SiteLinks
{
    public static string Origin(IConfiguration configuration, HttpContext? context)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Site:BaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }
        return context is null ? "http://localhost:5080" : $"{context.Request.Scheme}://{context.Request.Host}";
    }

    public static string Absolute(HttpContext context, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(context);
        var origin = Origin(context.RequestServices.GetRequiredService<IConfiguration>(), context);
        return origin + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);
    }
}
