using Normative.Features.Shared;

namespace Normative.Features.Store;

/// <summary>The store's paths, and the site's origin for its mail and the payment provider's return addresses.</summary>
public static class StoreLinks
{
    /// <summary>
    /// The origin of links in the store's mail and of the payment provider's return addresses:
    /// Site:BaseUrl, which is required outside Development; a developer without it is sent back to
    /// the address they used.
    /// </summary>
    public static string Origin(IConfiguration configuration, HttpContext? context) => SiteLinks.Origin(configuration, context);

    [LinkTo("/Store/Offers/Product")]
    public static string Product(int deliverableId) => $"/store/standard/{deliverableId}";

    [LinkTo("/Store/Orders/OrderDetails")]
    public static string Order(string number) => $"/store/orders/{Uri.EscapeDataString(number)}";

    [LinkTo("/Store/Orders/Invoice")]
    public static string Invoice(string number) => $"/store/orders/{Uri.EscapeDataString(number)}/invoice";
}
