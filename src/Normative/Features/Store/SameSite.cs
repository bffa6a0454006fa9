namespace Normative.Features.Store;

/// <summary>Whether a form post came from this site, by the headers browsers add to every post.</summary>
public static class SameSite
{
    public static bool IsSameOrigin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Sent by every current browser: "cross-site" means another site's page made the request.
        if (request.Headers.TryGetValue("Sec-Fetch-Site", out var site) && string.Equals(site, "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // Origin: "null" (a sandboxed frame, a file) or another host is refused; no Origin at all is
        // an older browser or a non-browser client, which carries no victim's cookies.
        if (request.Headers.TryGetValue("Origin", out var origin) && origin.Count > 0)
        {
            return Uri.TryCreate(origin.ToString(), UriKind.Absolute, out var uri)
                && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
        }
        return true;
    }
}
