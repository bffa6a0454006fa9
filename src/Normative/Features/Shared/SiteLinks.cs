namespace Normative.Features.Shared;

/// <summary>
/// Absolute links. Mail and the payment provider's return addresses use <see cref="Public"/>:
/// Site:BaseUrl, never the request's Host header (a forged Host would otherwise put an attacker's
/// site in a password-reset mail). Site:BaseUrl is required outside Development; a developer
/// without it gets the address ./build.sh run serves.
/// </summary>
public static class SiteLinks
{
    /// <summary>The home page.</summary>
    [LinkTo("/Site/Index")]
    public static string Home => "/";

    /// <summary>Who the organisation is (the site's "About us" page, an institutional page Editors edit).</summary>
    [LinkTo("/Content/Pages/Show")]
    public static string About => "/about";

    /// <summary>How to reach the organisation (the site's contact page), for pages that send people there.</summary>
    [LinkTo("/Content/Pages/Show")]
    public static string Contact => "/contact";

    /// <summary>The site's search (the catalogue's search page, which the header's box uses).</summary>
    [LinkTo("/Catalogue/Search")]
    public static string Search => "/search";

    /// <summary>The API's documentation (Swagger UI, served by the platform for every feature's endpoints).</summary>
    public static string ApiDocs => "/api/docs";

    /// <summary>The language menu's target: sets the language and goes back to <paramref name="returnUrl"/>.</summary>
    public static string Language(string culture, string returnUrl) =>
        "/language?culture=" + Uri.EscapeDataString(culture) + "&returnUrl=" + Uri.EscapeDataString(returnUrl);

    public const string DevelopmentOrigin = "http://localhost:5080";

    /// <summary>The site's public origin for mail and payment return addresses, without a trailing slash.</summary>
    public static string Public(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Site:BaseUrl"];
        return string.IsNullOrWhiteSpace(configured) ? DevelopmentOrigin : configured.TrimEnd('/');
    }

    /// <summary>A link for a mail: the public origin and the path.</summary>
    public static string Mail(IConfiguration configuration, string pathAndQuery) =>
        Public(configuration) + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);

    /// <summary>
    /// The origin for links on pages and feeds served to this request: Site:BaseUrl when set; in
    /// Development without it, the request's own scheme and host (the one the reader used).
    /// </summary>
    public static string Origin(IConfiguration configuration, HttpContext? context)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Site:BaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured) || context is null)
        {
            return Public(configuration);
        }
        return $"{context.Request.Scheme}://{context.Request.Host}";
    }

    /// <summary>
    /// The same page in another language: <paramref name="request"/>'s path and query with its
    /// <c>culture</c> parameter set to <paramref name="culture"/> (or removed, for null).
    /// </summary>
    public static string InLanguage(HttpRequest request, string? culture)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query.Where(q => !q.Key.Equals("culture", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? "")))
            .Concat(culture is null ? [] : ["culture=" + Uri.EscapeDataString(culture)])
            .ToList();
        return request.PathBase + request.Path + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }

    public static string Absolute(HttpContext context, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(context);
        var origin = Origin(context.RequestServices.GetRequiredService<IConfiguration>(), context);
        return origin + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);
    }
}
