namespace Normative.Features.Store;

/// <summary>
/// Absolute links for mail and for the payment provider's return addresses. Site:BaseUrl wins;
/// in a request the request's own origin serves; a background job without either uses localhost.
/// </summary>
public static class StoreLinks
{
    public static string Origin(IConfiguration configuration, HttpContext? context)
    {
        if (configuration["Site:BaseUrl"] is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }
        return context is null ? "http://localhost:5080" : $"{context.Request.Scheme}://{context.Request.Host}";
    }

    public static string Product(int deliverableId) => $"/store/standard/{deliverableId}";

    public static string Order(string number) => $"/store/orders/{Uri.EscapeDataString(number)}";
}
