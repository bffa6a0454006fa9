using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Features.Store.Carts;
using Normative.Features.Store.Offers;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Payments;
using Normative.Features.Store.Seats;
using Normative.Features.Store.Subscriptions;
using Normative.Features.Store.Tax;
using Normative.Web;

namespace Normative.Features.Store;

/// <summary>
/// The store's JSON API: offers and collections, the cart (cookie or signed-in buyer, like the site), the buyer's
/// orders (only the owner, or an Editor, sees an order), and the Stripe webhook.
/// </summary>
public static class StoreApi
{
    /// <param name="DeliveryDays">0: the file is there (a PDF downloads right after payment); else the working days promised to prepare it.</param>
    public sealed record OfferResponse(int DeliverableId, string Format, string Language, decimal Price, string Currency, int DeliveryDays);

    /// <param name="CollectionId">A subscription line's collection (then no deliverable).</param>
    public sealed record CartLineResponse(long Id, int? DeliverableId, string Reference, string Format, string Language, int Quantity, decimal UnitPrice, decimal Net, bool Available,
        int? CollectionId = null);

    public sealed record CartResponse(IReadOnlyList<CartLineResponse> Lines, int Count, decimal Net, decimal TotalDomestic, decimal TotalAbroad, string Currency, bool Expired);

    public sealed record AddLineRequest(int DeliverableId, string Format, string Language, int Quantity = 1);

    public sealed record AddSubscriptionRequest(int CollectionId);

    /// <param name="Name">In the request's language, or English where the collection has no name in it.</param>
    /// <param name="Covered">How many deliverables the collection covers today.</param>
    public sealed record CollectionResponse(int Id, string Name, string Rule, string? Committee, string? IcsCode, IReadOnlyList<string> References,
        string Format, decimal YearlyPrice, string Currency, bool OnSale, int Covered, string Url);

    public sealed record CoveredDeliverable(int Id, string Reference, string Url);

    public sealed record CollectionDetail(CollectionResponse Collection, IReadOnlyList<CoveredDeliverable> Deliverables);

    public sealed record QuantityRequest(int Quantity);

    /// <param name="CollectionId">A subscription line's collection (then no deliverable).</param>
    public sealed record OrderLineResponse(int Line, int? DeliverableId, string Reference, string Title, string Format, string Language, int Quantity, decimal UnitPrice, decimal Net, decimal VatRate, string? Shipping, int? DownloadsLeft,
        int? CollectionId = null);

    public sealed record OrderEventResponse(DateTimeOffset At, string Kind);

    /// <param name="Shipping">The net shipping charge, part of Net (its VAT is in Vat); null without printed copies.</param>
    /// <param name="Shipments">The parcels of printed copies, with their tracking.</param>
    public sealed record OrderResponse(
        string Number, string Status, string PaymentMethod, DateTimeOffset PlacedAt, DateTimeOffset? PaidAt, string BillingCountry,
        string? LicenceHolder, decimal Net, decimal Vat, decimal Rounding, decimal Total, string Currency,
        IReadOnlyList<OrderLineResponse> Lines, IReadOnlyList<OrderEventResponse> History,
        decimal? Shipping = null, string? ShippingCountry = null, IReadOnlyList<ShipmentResponse>? Shipments = null);

    /// <param name="Lines">The order's line numbers in the parcel.</param>
    public sealed record ShipmentResponse(string Carrier, string TrackingReference, string? TrackingUrl, DateTimeOffset ShippedAt, DateTimeOffset? DeliveredAt, IReadOnlyList<int> Lines);

    public sealed record OrderSummary(string Number, string Status, DateTimeOffset PlacedAt, decimal Total, string Currency);

    public sealed record WebhookResponse(bool Received, bool Duplicate);

    public static IEndpointRouteBuilder MapStoreApi(this IEndpointRouteBuilder app)
    {
        var store = app.MapGroup("/api/v1/store").WithTags("Store");
        store.MapGet("/offers/{deliverableId:int}", GetOffersAsync).WithName("GetOffers");
        store.MapGet("/collections", ListCollectionsAsync).WithName("ListCollections");
        store.MapGet("/collections/{id:int}", GetCollectionAsync).WithName("GetCollection");
        store.MapPost("/stripe/webhook", StripeWebhookAsync).WithName("StripeWebhook").AllowAnonymous().DisableAntiforgery();

        var cart = app.MapGroup("/api/v1/cart").WithTags("Store").RequireRateLimiting(AnonymousLimits.CartPolicy);
        cart.MapGet("/", GetCartAsync).WithName("GetCart");
        cart.MapPost("/lines", AddLineAsync).WithName("AddCartLine")
            .WithBodyExample("""{"deliverableId": 62085, "format": "Pdf", "language": "en", "quantity": 1}""");
        cart.MapPost("/subscriptions", AddSubscriptionAsync).WithName("AddCartSubscription")
            .WithBodyExample("""{"collectionId": 1}""");
        cart.MapPut("/lines/{lineId:long}", SetQuantityAsync).WithName("SetCartLineQuantity");
        cart.MapDelete("/lines/{lineId:long}", RemoveLineAsync).WithName("RemoveCartLine");

        var orders = app.MapGroup("/api/v1/orders").WithTags("Store").RequireAuthorization();
        orders.MapGet("/", ListOrdersAsync).WithName("ListMyOrders");
        orders.MapGet("/{number}", GetOrderAsync).WithName("GetOrder");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<OfferResponse>>, NotFound>> GetOffersAsync(int deliverableId, NormativeDb db, TaxRegime regime, CancellationToken ct)
    {
        var d = await db.Deliverables.AsNoTracking().SingleOrDefaultAsync(x => x.Id == deliverableId, ct);
        if (d is null)
        {
            return TypedResults.NotFound();
        }
        var prices = await Pricing.LoadAsync(db, [deliverableId], ct);
        IReadOnlyList<OfferResponse> offers = prices.OffersFor(d)
            .Select(o => new OfferResponse(o.DeliverableId, o.Format.ToString(), o.Language, o.Price, regime.Currency.Code, o.DeliveryDays)).ToList();
        return TypedResults.Ok(offers);
    }

    /// <summary>The collections on sale, each with how many deliverables it covers today.</summary>
    public static async Task<Ok<IReadOnlyList<CollectionResponse>>> ListCollectionsAsync(NormativeDb db, TaxRegime regime, CancellationToken ct)
    {
        var collections = await db.Collections.AsNoTracking().Where(c => c.OnSale).OrderBy(c => c.NameEn).ToListAsync(ct);
        var list = new List<CollectionResponse>();
        foreach (var c in collections)
        {
            list.Add(Describe(c, (await CollectionCoverage.ResolveAsync(db, c, ct)).Count, regime));
        }
        return TypedResults.Ok<IReadOnlyList<CollectionResponse>>(list);
    }

    /// <summary>A collection (on sale or not: its subscribers may ask) and every deliverable it covers today.</summary>
    public static async Task<Results<Ok<CollectionDetail>, NotFound>> GetCollectionAsync(int id, NormativeDb db, TaxRegime regime, CancellationToken ct)
    {
        if (await db.Collections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is not { } collection)
        {
            return TypedResults.NotFound();
        }
        var ids = await CollectionCoverage.ResolveAsync(db, collection, ct);
        var covered = await db.Deliverables.AsNoTracking().Where(d => ids.Contains(d.Id)).OrderBy(d => d.SortKey).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Reference }).ToListAsync(ct);
        return TypedResults.Ok(new CollectionDetail(Describe(collection, ids.Count, regime),
            covered.Select(d => new CoveredDeliverable(d.Id, d.Reference, $"/api/v1/deliverables/{d.Id}")).ToList()));
    }

    public static async Task<Ok<CartResponse>> GetCartAsync(HttpContext http, NormativeDb db, TaxRegime regime, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await DescribeAsync(http, db, regime, clock, ct));

    /// <remarks>The quantity of a PDF is its number of named seats (1, or 2 to Store:MaxSeats for an organisation).</remarks>
    public static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> AddLineAsync(
        AddLineRequest request, HttpContext http, NormativeDb db, TaxRegime regime, TimeProvider clock, IStringLocalizer<StoreText> s, IOptions<StoreOptions> options, CancellationToken ct)
    {
        var maxSeats = SeatRules.MaxSeats(options.Value);
        var problem = !Enum.TryParse<ProductFormat>(request.Format, ignoreCase: true, out var format)
            ? "Cart.Error.UnknownOffer"
            : await CartActions.AddAsync(db, http, request.DeliverableId, format, (request.Language ?? "").Trim().ToLowerInvariant(), request.Quantity, clock.GetUtcNow(), ct, maxSeats);
        return problem is null ? TypedResults.Ok(await DescribeAsync(http, db, regime, clock, ct)) : Problem(s, problem, maxSeats);
    }

    public static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> AddSubscriptionAsync(
        AddSubscriptionRequest request, HttpContext http, NormativeDb db, TaxRegime regime, TimeProvider clock, IStringLocalizer<StoreText> s, CancellationToken ct)
    {
        var problem = await CartActions.AddSubscriptionAsync(db, http, request.CollectionId, clock.GetUtcNow(), ct);
        return problem is null ? TypedResults.Ok(await DescribeAsync(http, db, regime, clock, ct)) : Problem(s, problem);
    }

    public static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> SetQuantityAsync(
        long lineId, QuantityRequest request, HttpContext http, NormativeDb db, TaxRegime regime, TimeProvider clock, IStringLocalizer<StoreText> s, IOptions<StoreOptions> options, CancellationToken ct)
    {
        var maxSeats = SeatRules.MaxSeats(options.Value);
        var problem = await CartActions.SetQuantityAsync(db, http, lineId, request.Quantity, clock.GetUtcNow(), ct, maxSeats);
        return problem is null ? TypedResults.Ok(await DescribeAsync(http, db, regime, clock, ct)) : Problem(s, problem, maxSeats);
    }

    public static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> RemoveLineAsync(
        long lineId, HttpContext http, NormativeDb db, TaxRegime regime, TimeProvider clock, IStringLocalizer<StoreText> s, CancellationToken ct)
    {
        var problem = await CartActions.RemoveAsync(db, http, lineId, clock.GetUtcNow(), ct);
        return problem is null ? TypedResults.Ok(await DescribeAsync(http, db, regime, clock, ct)) : Problem(s, problem);
    }

    public static async Task<Ok<IReadOnlyList<OrderSummary>>> ListOrdersAsync(HttpContext http, NormativeDb db, CancellationToken ct)
    {
        var userId = http.User.UserId();
        IReadOnlyList<OrderSummary> orders = (await db.Orders.AsNoTracking().Where(o => o.UserId == userId).OrderByDescending(o => o.PlacedAt).ToListAsync(ct))
            .Select(o => new OrderSummary(o.Number, o.Status.ToString(), o.PlacedAt, o.Total, o.Currency)).ToList();
        return TypedResults.Ok(orders);
    }

    public static async Task<Results<Ok<OrderResponse>, NotFound, ForbidHttpResult>> GetOrderAsync(
        string number, HttpContext http, NormativeDb db, IAuthorizationService auth, CancellationToken ct)
    {
        var (order, outcome) = await OrderAccess.FindAsync(db, auth, http, number, ownerOnly: false, ct);
        if (order is null)
        {
            return outcome == OrderAccess.Outcome.Forbidden ? TypedResults.Forbid() : TypedResults.NotFound();
        }
        return TypedResults.Ok(new OrderResponse(
            order.Number, order.Status.ToString(), order.PaymentMethod.ToString(), order.PlacedAt, order.PaidAt, order.BillingCountry,
            order.LicenceHolder, order.NetTotal, order.VatTotal, order.Rounding, order.Total, order.Currency,
            order.Lines.Select(l => new OrderLineResponse(
                l.LineNumber, l.DeliverableId, l.Reference, l.Title, l.Format.ToString(), l.Language, l.Quantity, l.UnitPrice, l.LineNet, l.VatRate,
                l.Format == ProductFormat.Paper ? l.ShippingStatus.ToString() : null,
                l.Format == ProductFormat.Pdf ? l.DownloadLimit - l.DownloadsUsed : null, l.CollectionId)).ToList(),
            order.Events.Select(e => new OrderEventResponse(e.At, e.Kind.ToString())).ToList(),
            order.ShippingCharge,
            order.ShippingCountry,
            order.Shipments.Select(x => new ShipmentResponse(x.Carrier, x.TrackingReference, x.TrackingUrl, x.ShippedAt, x.DeliveredAt,
                order.Lines.Where(l => l.ShipmentId == x.Id).Select(l => l.LineNumber).ToList())).ToList()));
    }

    /// <summary>
    /// Stripe's events (<see cref="StripeWebhook"/>): 404 where no webhook secret is configured, 400 for
    /// a bad or stale signature or a body over 256 KB, 200 for an event handled now or before.
    /// </summary>
    public static async Task<Results<Ok<WebhookResponse>, NotFound, ProblemHttpResult>> StripeWebhookAsync(
        HttpContext http, NormativeDb db, StoreMail mail, IOptions<StoreOptions> options, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger("Normative.Features.Store.StripeWebhook");
        var stripe = options.Value.Stripe;
        if (string.IsNullOrEmpty(stripe.WebhookSecret))
        {
            return TypedResults.NotFound();
        }
        string payload;
        using (var reader = new StreamReader(http.Request.Body))
        {
            var buffer = new char[256 * 1024];
            var read = await reader.ReadBlockAsync(buffer, ct);
            if (read == buffer.Length)
            {
                logger.LogWarning("Rejected a Stripe webhook: body too large");
                return TypedResults.Problem("The payload is too large.", statusCode: StatusCodes.Status400BadRequest);
            }
            payload = new string(buffer, 0, read);
        }
        var result = await StripeWebhook.HandleAsync(db, mail, stripe, payload, http.Request.Headers["Stripe-Signature"].ToString(),
            http.Connection.RemoteIpAddress?.ToString(), clock.GetUtcNow(), logger, ct);
        return result.Outcome == StripeWebhook.Outcome.Refused
            ? TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status400BadRequest, title: result.Title)
            : TypedResults.Ok(new WebhookResponse(true, result.Outcome == StripeWebhook.Outcome.Duplicate));
    }

    private static CollectionResponse Describe(Collection c, int covered, TaxRegime regime) =>
        new(c.Id, c.NameIn(Cultures.Current), c.Rule.ToString(), c.Committee, c.IcsCode, c.ListedReferences, c.Format.ToString(), c.YearlyPrice, regime.Currency.Code,
            c.OnSale, covered, StoreLinks.Collection(c.Id));

    private static ProblemHttpResult Problem(IStringLocalizer<StoreText> s, string key, int maxSeats = 1) =>
        TypedResults.Problem(s[key, CartRules.MaxQuantity, maxSeats].Value, statusCode: StatusCodes.Status400BadRequest, title: key);

    private static async Task<CartResponse> DescribeAsync(HttpContext http, NormativeDb db, TaxRegime regime, TimeProvider clock, CancellationToken ct)
    {
        var lookup = await CartActions.FindAsync(db, http, clock.GetUtcNow(), ct);
        if (lookup.Cart is null)
        {
            return new CartResponse([], 0, 0, 0, 0, regime.Currency.Code, lookup.Expired);
        }
        var priced = await PricedCart.PriceAsync(db, lookup.Cart, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new CartResponse(
            priced.Lines.Select(l => new CartLineResponse(
                l.CartLine.Id, l.CartLine.DeliverableId, l.Deliverable?.Reference ?? l.Collection?.NameEn ?? "", l.CartLine.Format.ToString(), l.CartLine.Language,
                l.CartLine.Quantity, l.UnitPrice, l.Net, l.Available, l.CartLine.CollectionId)).ToList(),
            priced.Available.Sum(l => l.CartLine.Quantity),
            priced.Net,
            priced.TotalsFor(regime, regime.SellerCountry, null, today)?.Total ?? priced.Net,
            priced.TotalsFor(regime, TaxRule.AnyOtherCountry, null, today)?.Total ?? priced.Net,
            regime.Currency.Code,
            false);
    }
}
