using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Store;
using Normative.Features.Store.Admin;
using Normative.Features.Store.Alerts;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Pdf;
using Normative.Features.Store.Shipping;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store;

/// <summary>What store tests need: deliverables in the catalogue, source PDFs, and a buyer going through cart and checkout.</summary>
public static partial class StoreTestData
{
    private static int _nextId = 900_000;

    public static int NextId() => Interlocked.Increment(ref _nextId);

    public static async Task<Deliverable> AddDeliverableAsync(NormativeFactory factory, string? reference = null, int pages = 20, int stage = 6060,
        List<string>? languages = null, List<int>? replaces = null, string? supplementType = null, int? id = null)
    {
        var d = new Deliverable
        {
            Id = id ?? NextId(),
            DeliverableType = "IS",
            SupplementType = supplementType,
            Reference = reference ?? $"ISO {NextId()}:2024",
            TitleEn = "Test management systems — Requirements",
            TitleFr = "Systèmes de management d'essai — Exigences",
            CurrentStage = stage,
            Languages = languages ?? ["en", "fr"],
            PagesEn = pages,
            Replaces = replaces ?? [],
            PublicationDate = new DateOnly(2024, 3, 1),
        };
        await factory.WithDbAsync(async db =>
        {
            db.Deliverables.Add(d);
            return await db.SaveChangesAsync();
        });
        return d;
    }

    public static Task AddSourceFileAsync(NormativeFactory factory, Deliverable d, string language = "en", int pages = 3) =>
        factory.WithDbAsync(async db =>
        {
            await Files.SaveAsync(db, null, d.Id, language, "master.pdf", SamplePdf.Create(d.Reference, d.TitleIn(language).Text, language, pages), pages, "test", DateTimeOffset.UtcNow);
            return 0;
        });

    /// <summary>Posts the product page's "Add to cart" form for the offer.</summary>
    public static async Task<HttpResponseMessage> AddToCartAsync(HttpClient client, int deliverableId, string format = "Pdf", string language = "en", string quantity = "1")
    {
        var page = await client.GetDocumentAsync($"/store/standard/{deliverableId}");
        var form = page.QuerySelectorAll("form.offer-form").FirstOrDefault(f =>
            f.QuerySelector("input[name=format]")?.GetAttribute("value") == format && f.QuerySelector("input[name=language]")?.GetAttribute("value") == language)
            ?? throw new InvalidOperationException($"No {format}/{language} offer on the page of {deliverableId}.");
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!))
            .Where(kv => kv.Key != "quantity").ToList();
        fields.Add(new("quantity", quantity));
        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    public static Dictionary<string, string> Checkout(string method = "Invoice", string country = "CH", string holder = "Ada Lovelace") => new()
    {
        ["Input.Name"] = "Ada Lovelace",
        ["Input.Organization"] = "Analytical Engines Ltd",
        ["Input.Street"] = "Rue du Test 1",
        ["Input.PostalCode"] = "1204",
        ["Input.City"] = "Genève",
        ["Input.Country"] = country,
        ["Input.Email"] = $"buyer-{Guid.NewGuid():N}@example.org",
        ["Input.LicenceHolder"] = holder,
        ["Input.PaymentMethod"] = method,
        ["Input.ShipToBilling"] = "true",
    };

    /// <summary>Submits the checkout form; returns the redirect target.</summary>
    public static async Task<string> PlaceOrderAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var response = await client.SubmitFormAsync("/store/checkout", fields, "form.checkout-form");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"checkout answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.OriginalString;
    }

    public static string OrderNumberIn(string url) => OrderNumber().Match(url).Value;

    public static Task<Order> OrderAsync(NormativeFactory factory, string number) =>
        factory.WithDbAsync(db => db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Events).Include(o => o.Payments).SingleAsync(o => o.Number == number));

    /// <summary>A signed-in buyer with one PDF of <paramref name="d"/> in the cart, checked out by invoice and marked paid by an Editor.</summary>
    public static async Task<(HttpClient Client, string Number)> BuyPaidPdfAsync(NormativeFactory factory, Deliverable d, string holder = "Ada Lovelace", Func<HttpClient>? newClient = null)
    {
        var client = await SignInAsync(factory, "Customer", newClient);
        await AddToCartAsync(client, d.Id);
        var number = OrderNumberIn(await PlaceOrderAsync(client, Checkout(holder: holder)));
        await MarkPaidAsync(factory, number, newClient);
        return (client, number);
    }

    /// <summary>Signs a new user with the role in; <paramref name="newClient"/> makes the client (for an app on a real port), else the test server's.</summary>
    public static async Task<HttpClient> SignInAsync(NormativeFactory factory, string role, Func<HttpClient>? newClient = null)
    {
        if (newClient is null)
        {
            return (await factory.SignInAsAsync(role)).Client;
        }
        var user = await factory.CreateUserAsync(role);
        var client = newClient();
        var response = await client.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = NormativeFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>An antiforgery token for posts to pages that show no form (taken from a page that always has one).</summary>
    public static async Task<string> TokenAsync(HttpClient client) =>
        (await client.GetDocumentAsync("/store/downloads")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    public static async Task MarkPaidAsync(NormativeFactory factory, string number, Func<HttpClient>? newClient = null)
    {
        var editor = await SignInAsync(factory, "Editor", newClient);
        var response = await editor.SubmitFormAsync($"/store/admin/orders/{number}", new() { ["reference"] = "BANK-REF-1" }, "form[action*='handler=Paid']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Runs the alert scan now, as the background job does; returns the number of mails queued.</summary>
    public static async Task<int> ScanAlertsAsync(NormativeFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await StoreAlerts.ScanAsync(services.GetRequiredService<NormativeDb>(), services.GetRequiredService<StoreMail>(),
            services.GetRequiredService<TimeProvider>().GetUtcNow(), NullLogger.Instance, CancellationToken.None);
    }

    /// <summary>The notices a page shows (the shared notice partial's, after a change).</summary>
    public static IReadOnlyList<string> Notices(IHtmlDocument page) =>
        page.QuerySelectorAll("main p.notice[role=status]").Select(p => p.TextContent.Trim()).ToList();

    /// <summary>
    /// Follows a successful post's redirect and reloads the page it lands on: the notice shows on the
    /// first visit only. Returns the page as first shown.
    /// </summary>
    public static async Task<IHtmlDocument> NoticeShownOnceAsync(HttpClient client, HttpResponseMessage posted, string notice)
    {
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var target = posted.Headers.Location!.OriginalString.Split('#')[0];
        target += (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=en";
        var first = await client.GetDocumentAsync(target);
        Assert.Contains(notice, Notices(first));
        var again = await client.GetDocumentAsync(target);
        Assert.DoesNotContain(notice, Notices(again));
        return first;
    }

    /// <summary>Replaces the shipping zones and rates, as an Editor saving the shipping page does.</summary>
    public static Task SetShippingAsync(NormativeFactory factory, params ShippingRules.ZoneDraft[] zones) =>
        factory.WithDbAsync(async db =>
        {
            await ShippingRates.SaveAsync(db, zones, CancellationToken.None);
            return 0;
        });

    /// <summary>A zone of these countries (space-separated; none: every other country) with its bands of printed pages.</summary>
    public static ShippingRules.ZoneDraft Zone(string name, string countries, params (int Min, int? Max, decimal Price)[] rates) =>
        new(name, countries.Split(' ', StringSplitOptions.RemoveEmptyEntries), countries.Length == 0, rates.Select(r => new ShippingRules.RateDraft(r.Min, r.Max, r.Price)).ToList());

    /// <summary>An order's shipping: charge, VAT rate, the country whose VAT it is, why, and the zone charged.</summary>
    public static (decimal Charge, decimal Rate, string Country, Normative.Features.Store.Tax.TaxBasis Basis, string Zone) ShippingOf(Order order) =>
        (order.ShippingCharge!.Value, order.ShippingVatRate!.Value, order.ShippingTaxCountry!, order.ShippingTaxBasis!.Value, order.ShippingZone!);

    /// <summary>Checkout fields with the printed copies going to another address than the billing one.</summary>
    public static Dictionary<string, string> ShipTo(Dictionary<string, string> fields, string country)
    {
        fields.Remove("Input.ShipToBilling");
        fields["Input.ShippingName"] = "Charles Babbage";
        fields["Input.ShippingStreet"] = "1 Dorset Street";
        fields["Input.ShippingPostalCode"] = "12345";
        fields["Input.ShippingCity"] = "Somewhere";
        fields["Input.ShippingCountry"] = country;
        return fields;
    }

    [GeneratedRegex(@"\d{4}-\d{6}")]
    private static partial Regex OrderNumber();
}
