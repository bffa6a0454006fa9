using System.Globalization;
using Normative.Features.Shared;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Orders;

namespace Normative.Features.Store;

/// <summary>
/// The store's pages, for links from its pages, mail, redirects and the payment provider's return
/// addresses (see <see cref="LinkToAttribute"/>); and the site's origin for absolute ones.
/// </summary>
public static class StoreLinks
{
    /// <summary>What the payment provider puts in the return address in place of its session's id.</summary>
    public const string SessionIdPlaceholder = "{CHECKOUT_SESSION_ID}";

    /// <summary>
    /// The origin of the payment provider's return addresses: Site:BaseUrl, which is required
    /// outside Development; a developer without it is sent back to the address they used.
    /// </summary>
    public static string Origin(IConfiguration configuration, HttpContext? context) => SiteLinks.Origin(configuration, context);

    [LinkTo("/Store/Index")]
    public static string Store(string? reference = null) => reference is null ? "/store" : "/store?reference=" + Uri.EscapeDataString(reference);

    /// <summary>The store's explanation of prices and VAT.</summary>
    [LinkTo("/Store/Index")]
    public static string Prices() => "/store#prices";

    [LinkTo("/Store/Offers/Product")]
    public static string Product(int deliverableId) => $"/store/standard/{deliverableId}";

    [LinkTo("/Store/Carts/Cart")]
    public static string Cart() => "/cart";

    [LinkTo("/Store/Checkout/Checkout")]
    public static string Checkout() => "/store/checkout";

    [LinkTo("/Store/Orders/Orders")]
    public static string Orders() => "/store/orders";

    /// <param name="payment">"cancelled" when the buyer comes back from the payment page without paying.</param>
    [LinkTo("/Store/Orders/OrderDetails")]
    public static string Order(string number, string? payment = null) =>
        $"/store/orders/{Uri.EscapeDataString(number)}" + (payment is null ? "" : "?payment=" + Uri.EscapeDataString(payment));

    [LinkTo("/Store/Orders/Invoice")]
    public static string Invoice(string number) => $"/store/orders/{Uri.EscapeDataString(number)}/invoice";

    /// <summary>The credit note of a refunded order (PDF).</summary>
    [LinkTo("/Store/Orders/Invoice")]
    public static string CreditNote(string number) => $"/store/orders/{Uri.EscapeDataString(number)}/credit-note";

    /// <summary>Where the payment provider sends the buyer back; without a session id, the address the provider completes (<see cref="SessionIdPlaceholder"/>).</summary>
    [LinkTo("/Store/Checkout/Confirmation")]
    public static string Confirmation(string number, string? sessionId = null) =>
        $"/store/orders/{Uri.EscapeDataString(number)}/confirmation?session_id=" + (sessionId is null ? SessionIdPlaceholder : Uri.EscapeDataString(sessionId));

    [LinkTo("/Store/Delivery/Downloads")]
    public static string Downloads() => "/store/downloads";

    /// <summary>The buyer's switch for alerts about bought standards, on the downloads page.</summary>
    [LinkTo("/Store/Delivery/Downloads")]
    public static string Alerts() => "/store/downloads#alerts";

    [LinkTo("/Store/Delivery/Download")]
    public static string Download(long orderLineId) => "/store/downloads/" + orderLineId.ToString(CultureInfo.InvariantCulture);

    [LinkTo("/Store/Subscriptions/Collections")]
    public static string Collections() => "/store/collections";

    /// <summary>A collection's page: what it covers today, a page of it at a time, and its subscription offer.</summary>
    [LinkTo("/Store/Subscriptions/Collection")]
    public static string Collection(int id, int page = 1) =>
        "/store/collections/" + id.ToString(CultureInfo.InvariantCulture) + (page > 1 ? "?p=" + page.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>A subscriber's subscription: its period and the covered standards to download.</summary>
    [LinkTo("/Store/Subscriptions/Subscription")]
    public static string Subscription(long id, int page = 1) =>
        "/store/subscriptions/" + id.ToString(CultureInfo.InvariantCulture) + (page > 1 ? "?p=" + page.ToString(CultureInfo.InvariantCulture) : "");

    [LinkTo("/Store/Payments/TestPayment")]
    public static string TestPayment(Guid session) => $"/store/test-payment/{session}";

    [LinkTo("/Store/Admin/Index")]
    public static string Admin() => "/store/admin";

    [LinkTo("/Store/Admin/Orders")]
    public static string AdminOrders() => "/store/admin/orders";

    /// <summary>The Editors' orders filtered, a page of them, or (<paramref name="csv"/>) all of them as a spreadsheet: the page of <see cref="AdminOrders()"/>.</summary>
    public static string AdminOrders(OrderStatus? status, PaymentMethod? method = null, DateOnly? from = null, DateOnly? to = null, string? q = null, int page = 1, bool csv = false, bool taxCsv = false)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
        Add("status", status?.ToString());
        Add("method", method?.ToString());
        Add("from", from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("q", q);
        Add("p", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null);
        Add("handler", csv ? "Csv" : taxCsv ? "TaxCsv" : null);
        return AdminOrders() + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }

    [LinkTo("/Store/Admin/Order")]
    public static string AdminOrder(string number) => $"/store/admin/orders/{Uri.EscapeDataString(number)}";

    [LinkTo("/Store/Admin/Prices")]
    public static string AdminPrices() => "/store/admin/prices";

    /// <summary>The Editors' prices for single deliverables, on the prices page.</summary>
    [LinkTo("/Store/Admin/Prices")]
    public static string AdminPriceOverrides() => "/store/admin/prices#overrides";

    [LinkTo("/Store/Admin/Files")]
    public static string AdminFiles() => "/store/admin/files";

    [LinkTo("/Store/Admin/Tax")]
    public static string AdminTax() => "/store/admin/tax";

    [LinkTo("/Store/Admin/Collections")]
    public static string AdminCollections() => "/store/admin/collections";

    [LinkTo("/Store/Admin/CollectionEdit")]
    public static string AdminNewCollection() => "/store/admin/collections/new";

    [LinkTo("/Store/Admin/CollectionEdit")]
    public static string AdminCollection(int id) => "/store/admin/collections/" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The shipping rates of printed copies, on the store's page.</summary>
    [LinkTo("/Store/Index")]
    public static string ShippingRates() => "/store#shipping";

    [LinkTo("/Store/Admin/Shipping")]
    public static string AdminShipping() => "/store/admin/shipping";

    /// <summary>The paid orders whose printed copies wait to be shipped, and the parcels on their way.</summary>
    [LinkTo("/Store/Admin/ToShip")]
    public static string AdminToShip() => "/store/admin/to-ship";

    [LinkTo("/Store/Admin/PackingList")]
    public static string PackingList(string number) => $"/store/admin/orders/{Uri.EscapeDataString(number)}/packing-list";
}
