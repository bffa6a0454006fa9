using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Store;
using Normative.Features.Store.Orders;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Shipping;

/// <summary>
/// The sales office ships printed copies with a carrier and a tracking reference, later records their
/// delivery; the buyer is mailed at each step and follows it on the order's page. Steps out of order
/// are refused and change nothing.
/// </summary>
public class ShipmentTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private const string Tracking = "99.00.123456.12345678";
    private const string TrackingUrl = "https://service.post.ch/ekp-web/ui/entry/search/99.00.123456.12345678";

    /// <summary>A paid order with two printed copies in French and one in English (20 pages each), and a PDF; billed and shipped in Switzerland.</summary>
    private async Task<(HttpClient Buyer, Order Order)> PaidOrderAsync()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 20);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper", "fr", "2");
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper", "en", "1");
        await StoreTestData.AddToCartAsync(client, d.Id);
        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout()));
        await StoreTestData.MarkPaidAsync(factory, number);
        return (client, await StoreTestData.OrderAsync(factory, number));
    }

    /// <summary>Posts the order page's ship form with these lines ticked and these fields typed.</summary>
    private static async Task<HttpResponseMessage> ShipAsync(HttpClient editor, string number, IEnumerable<long> lines, string? carrier = "Swiss Post", string? tracking = Tracking, string? url = TrackingUrl)
    {
        var page = await editor.GetDocumentAsync($"/store/admin/orders/{number}");
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Token(page)) };
        values.AddRange(lines.Select(l => new KeyValuePair<string, string>("Ship.Lines", l.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        values.Add(new("Ship.Carrier", carrier ?? ""));
        values.Add(new("Ship.TrackingReference", tracking ?? ""));
        values.Add(new("Ship.TrackingUrl", url ?? ""));
        return await editor.PostAsync($"/store/admin/orders/{number}?handler=Ship&culture=en", new FormUrlEncodedContent(values));
    }

    private static async Task<HttpResponseMessage> DeliverAsync(HttpClient editor, string number, long shipment)
    {
        var page = await editor.GetDocumentAsync($"/store/admin/orders/{number}");
        return await editor.PostAsync($"/store/admin/orders/{number}?handler=Deliver&culture=en",
            new FormUrlEncodedContent([new("__RequestVerificationToken", Token(page)), new("shipment", shipment.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
    }

    private static string Token(IHtmlDocument page) => page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static long[] Printed(Order order) => order.Lines.Where(l => l.Format == ProductFormat.Paper).OrderBy(l => l.LineNumber).Select(l => l.Id).ToArray();

    private Task<int> MailsAsync(string to, string subject) =>
        factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == to && m.Subject.Contains(subject)));

    [Fact]
    public async Task PrintedCopiesAreShippedWithATrackingReferenceThenDeliveredAndTheBuyerIsMailedAtEachStep()
    {
        var (buyer, order) = await PaidOrderAsync();
        var (editor, _) = await factory.SignInAsAsync("Editor");

        var form = (await editor.GetDocumentAsync($"/store/admin/orders/{order.Number}")).QuerySelector("form.ship-form")!;
        Assert.Equal(Printed(order).Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            form.QuerySelectorAll("input[name='Ship.Lines'][checked]").Select(i => i.GetAttribute("value")));
        await StoreTestData.NoticeShownOnceAsync(editor, await ShipAsync(editor, order.Number, Printed(order)), "Done.");

        var shipped = await StoreTestData.OrderAsync(factory, order.Number);
        Assert.Equal(OrderStatus.Fulfilled, shipped.Status);
        var shipment = await factory.WithDbAsync(db => db.Shipments.SingleAsync(s => s.OrderId == order.Id));
        Assert.Equal(("Swiss Post", Tracking, TrackingUrl, (DateTimeOffset?)null), (shipment.Carrier, shipment.TrackingReference, shipment.TrackingUrl, shipment.DeliveredAt));
        Assert.All(shipped.Lines.Where(l => l.Format == ProductFormat.Paper), l => Assert.Equal((ShippingStatus.Shipped, (long?)shipment.Id), (l.ShippingStatus, l.ShipmentId)));
        Assert.Contains(Tracking, shipped.Events.Single(e => e.Kind == OrderEventKind.Shipped).Note, StringComparison.Ordinal);

        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, order.BillingEmail, m => m.Subject.Contains("are on their way", StringComparison.Ordinal));
        Assert.Contains("with Swiss Post", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"Tracking reference: {Tracking}", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"Follow the parcel: {TrackingUrl}", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Rue du Test 1", mail.Text, StringComparison.Ordinal);
        Assert.Equal($"/store/orders/{order.Number}", Mailbox.LinkIn(mail, "/store/orders/"));

        var page = await buyer.GetDocumentAsync($"/store/orders/{order.Number}?culture=en");
        var parcel = page.QuerySelector("#shipments")!;
        Assert.Contains("with Swiss Post", parcel.TextContent, StringComparison.Ordinal);
        Assert.Equal(Tracking, parcel.QuerySelector(".tracking")!.TextContent);
        Assert.Equal(TrackingUrl, parcel.QuerySelector("a.tracking-link")!.GetAttribute("href"));
        Assert.Equal("On its way", parcel.QuerySelector(".shipment-status")!.TextContent);
        Assert.Contains("Printed copy shipped", page.QuerySelector("ol.history")!.TextContent, StringComparison.Ordinal);

        var deliver = (await editor.GetDocumentAsync($"/store/admin/orders/{order.Number}")).QuerySelector("form[action*='handler=Deliver']")!;
        Assert.Equal(shipment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), deliver.QuerySelector("input[name=shipment]")!.GetAttribute("value"));
        await StoreTestData.NoticeShownOnceAsync(editor, await editor.SubmitFormAsync($"/store/admin/orders/{order.Number}", [], "form[action*='handler=Deliver']"), "Done.");

        var delivered = await StoreTestData.OrderAsync(factory, order.Number);
        Assert.All(delivered.Lines.Where(l => l.Format == ProductFormat.Paper), l => Assert.Equal(ShippingStatus.Delivered, l.ShippingStatus));
        Assert.Single(delivered.Events, e => e.Kind == OrderEventKind.Delivered);
        Assert.NotNull((await factory.WithDbAsync(db => db.Shipments.SingleAsync(s => s.Id == shipment.Id))).DeliveredAt);
        var deliveredMail = await Mailbox.WaitForMailAsync(factory.MailDirectory, order.BillingEmail, m => m.Subject.Contains("have been delivered", StringComparison.Ordinal));
        Assert.Contains($"tracking reference {Tracking}", deliveredMail.Text, StringComparison.Ordinal);

        page = await buyer.GetDocumentAsync($"/store/orders/{order.Number}?culture=en");
        Assert.StartsWith("Delivered on ", page.QuerySelector("#shipments .shipment-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Printed copies delivered", page.QuerySelector("ol.history")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Delivered", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);

        var (api, _) = await factory.ApiClientAsync("Editor");
        var json = await api.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order.Number}");
        Assert.Equal(7.00m, json.GetProperty("shipping").GetDecimal());
        var parcelJson = Assert.Single(json.GetProperty("shipments").EnumerateArray());
        Assert.Equal(Tracking, parcelJson.GetProperty("trackingReference").GetString());
        Assert.NotEqual(JsonValueKind.Null, parcelJson.GetProperty("deliveredAt").ValueKind);
        Assert.Equal(["Delivered", "Delivered"], json.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("format").GetString() == "Paper").Select(l => l.GetProperty("shipping").GetString()));
    }

    [Fact]
    public async Task StepsOutOfOrderAreRefusedAndChangeNothing()
    {
        var (_, order) = await PaidOrderAsync();
        var (editor, _) = await factory.SignInAsAsync("Editor");
        var printed = Printed(order);

        // Delivered before anything was shipped.
        var early = await DeliverAsync(editor, order.Number, 0);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("This parcel has not been shipped", (await early.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        // One parcel with the French copies; the English one waits, so the order is not fulfilled yet.
        Assert.Equal(HttpStatusCode.Redirect, (await ShipAsync(editor, order.Number, [printed[0]])).StatusCode);
        Assert.Equal(OrderStatus.Paid, (await StoreTestData.OrderAsync(factory, order.Number)).Status);
        var twice = await ShipAsync(editor, order.Number, [printed[0]], tracking: "OTHER-1");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("already been shipped", (await twice.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var shipment = await factory.WithDbAsync(db => db.Shipments.SingleAsync(s => s.OrderId == order.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await DeliverAsync(editor, order.Number, shipment.Id)).StatusCode);
        var again = await DeliverAsync(editor, order.Number, shipment.Id);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already marked delivered", (await again.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var after = await StoreTestData.OrderAsync(factory, order.Number);
        Assert.Equal([ShippingStatus.Delivered, ShippingStatus.Pending], after.Lines.Where(l => l.Format == ProductFormat.Paper).OrderBy(l => l.LineNumber).Select(l => l.ShippingStatus));
        Assert.Single(after.Events, e => e.Kind == OrderEventKind.Shipped);
        Assert.Single(after.Events, e => e.Kind == OrderEventKind.Delivered);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Shipments.CountAsync(s => s.OrderId == order.Id)));
        Assert.Equal(1, await MailsAsync(order.BillingEmail, "are on their way"));
        Assert.Equal(1, await MailsAsync(order.BillingEmail, "have been delivered"));
    }

    [Fact]
    public async Task AParcelWithoutCarrierOrTrackingOrWithABadAddressIsRefusedAndTheTypedFieldsStay()
    {
        var (_, order) = await PaidOrderAsync();
        var (editor, _) = await factory.SignInAsAsync("Editor");

        var noCarrier = await ShipAsync(editor, order.Number, Printed(order), carrier: " ");
        Assert.Equal(HttpStatusCode.BadRequest, noCarrier.StatusCode);
        var page = await noCarrier.ReadDocumentAsync();
        Assert.Contains("Name the carrier", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Tracking, page.QuerySelector("#Ship_TrackingReference")!.GetAttribute("value"));
        Assert.Equal(TrackingUrl, page.QuerySelector("#Ship_TrackingUrl")!.GetAttribute("value"));

        var noTracking = await ShipAsync(editor, order.Number, Printed(order), tracking: "");
        Assert.Contains("tracking reference", (await noTracking.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var script = await ShipAsync(editor, order.Number, Printed(order), url: "javascript:alert(1)");
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        Assert.Contains("must be a web address", (await script.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var none = await ShipAsync(editor, order.Number, []);
        Assert.Contains("Tick the printed copies", (await none.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var unchanged = await StoreTestData.OrderAsync(factory, order.Number);
        Assert.Equal(OrderStatus.Paid, unchanged.Status);
        Assert.All(unchanged.Lines.Where(l => l.Format == ProductFormat.Paper), l => Assert.Equal(ShippingStatus.Pending, l.ShippingStatus));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Shipments.CountAsync(s => s.OrderId == order.Id)));
    }

    [Fact]
    public async Task AnUnpaidOrderIsNotShipped()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper");
        var order = await StoreTestData.OrderAsync(factory, StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout())));
        var (editor, _) = await factory.SignInAsAsync("Editor");
        Assert.Null((await editor.GetDocumentAsync($"/store/admin/orders/{order.Number}")).QuerySelector("form.ship-form"));

        var response = await ShipAsync(editor, order.Number, Printed(order));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("once the order is paid", (await response.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ShippingStatus.Pending, (await StoreTestData.OrderAsync(factory, order.Number)).Lines.Single().ShippingStatus);
    }

    [Fact]
    public async Task ThePackingListAndTheListToShipShowWhatTheSalesOfficePacks()
    {
        var (_, order) = await PaidOrderAsync();
        var (editor, _) = await factory.SignInAsAsync("Editor");

        var hub = await editor.GetDocumentAsync("/store/admin?culture=en");
        Assert.Equal("/store/admin/to-ship", hub.QuerySelector("#to-ship-link")!.GetAttribute("href"));
        var toShip = await editor.GetDocumentAsync("/store/admin/to-ship?culture=en");
        var row = toShip.QuerySelectorAll("#to-ship tbody tr").Single(r => r.TextContent.Contains(order.Number, StringComparison.Ordinal));
        Assert.Equal("3", row.QuerySelector("td.num")!.TextContent);
        Assert.Equal($"/store/admin/orders/{order.Number}/packing-list", row.QuerySelectorAll("a")[1].GetAttribute("href"));

        var list = await editor.GetDocumentAsync($"/store/admin/orders/{order.Number}/packing-list?culture=en");
        Assert.Equal(order.Number, list.QuerySelector("#packing-order")!.TextContent);
        var address = list.QuerySelector("#packing-address")!.TextContent;
        foreach (var part in new[] { "Ada Lovelace", "Analytical Engines Ltd", "Rue du Test 1", "1204 Genève", "SWITZERLAND" })
        {
            Assert.Contains(part, address, StringComparison.Ordinal);
        }
        // The printed copies only: the PDF is not packed.
        var lines = list.QuerySelectorAll("table.packing-lines tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        var reference = order.Lines[0].Reference;
        Assert.Equal([(reference, "French (fr)", "2"), (reference, "English (en)", "1")], lines.Select(c => (c[1], c[3], c[4])));
        Assert.All(lines, c => Assert.Equal(order.Lines[0].Title, c[2]));
        Assert.Equal("3", list.QuerySelector("#packing-copies")!.TextContent);

        var (customer, _) = await factory.SignInAsAsync("Customer");
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync($"/store/admin/orders/{order.Number}/packing-list")).StatusCode);
        var pdfOnly = await StoreTestData.BuyPaidPdfAsync(factory, await StoreTestData.AddDeliverableAsync(factory));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/store/admin/orders/{pdfOnly.Number}/packing-list")).StatusCode);

        // Shipped, the order leaves the list and its parcel is on its way until delivered.
        await ShipAsync(editor, order.Number, Printed(order));
        toShip = await editor.GetDocumentAsync("/store/admin/to-ship?culture=en");
        Assert.DoesNotContain(order.Number, toShip.QuerySelector("main")!.QuerySelector("#to-ship")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains(order.Number, toShip.QuerySelector("#in-transit-table")!.TextContent, StringComparison.Ordinal);
        var shipment = await factory.WithDbAsync(db => db.Shipments.SingleAsync(s => s.OrderId == order.Id));
        await DeliverAsync(editor, order.Number, shipment.Id);
        toShip = await editor.GetDocumentAsync("/store/admin/to-ship?culture=en");
        Assert.DoesNotContain(order.Number, toShip.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
