using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Payments;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store;

public class StripeTests(StripeTests.Factory factory) : IClassFixture<StripeTests.Factory>
{
    public const string WebhookSecret = "whsec_normative_test";

    /// <summary>The app with Stripe configured, its API pointed at a local fake.</summary>
    public sealed class Factory : StoreFactory
    {
        public FakeStripe Stripe { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Store:Stripe:SecretKey"] = FakeStripe.SecretKey,
            ["Store:Stripe:WebhookSecret"] = WebhookSecret,
            ["Store:Stripe:BaseUrl"] = Stripe.BaseUrl,
        };

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Stripe.Dispose();
            GC.SuppressFinalize(this);
        }
    }

    private async Task<(HttpClient Client, string Number, FakeStripe.Session Session, string Email)> CardOrderAsync(int pages = 3)
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: pages);
        await StoreTestData.AddSourceFileAsync(factory, d);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        var fields = StoreTestData.Checkout("Card");
        var hosted = await StoreTestData.PlaceOrderAsync(client, fields);
        var session = factory.Stripe.Sessions.Values.Single(s => hosted.EndsWith(s.Id, StringComparison.Ordinal));
        return (client, session.Reference, session, fields["Input.Email"]);
    }

    private Task<HttpResponseMessage> PostWebhookAsync(string payload, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/store/stripe/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }
        return factory.CreateClient().SendAsync(request);
    }

    private static string Sign(string payload, DateTimeOffset at, string secret = WebhookSecret) => Stripe.EventUtility.GenerateSignatureHeader(payload, secret, at.ToUnixTimeSeconds());

    [Fact]
    public async Task CardCheckoutOpensAStripeCheckoutSessionForTheServersTotal()
    {
        var (_, number, session, email) = await CardOrderAsync(pages: 3);
        var request = factory.Stripe.Requests.Single(r => r.Method == "POST" && r.Path == "/v1/checkout/sessions" && r.Form["client_reference_id"] == number);
        Assert.Equal("Bearer " + FakeStripe.SecretKey, request.Authorization);
        Assert.Equal($"order-{number}-1", request.IdempotencyKey);
        Assert.Equal("payment", request.Form["mode"]);
        Assert.Equal("chf", request.Form["line_items[0][price_data][currency]"]);
        // CHF 42 + 8.1 % VAT (3.40) = 45.40, sent in centimes.
        Assert.Equal("4540", request.Form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal(email, request.Form["customer_email"]);
        Assert.EndsWith($"/store/orders/{number}/confirmation?session_id={{CHECKOUT_SESSION_ID}}", request.Form["success_url"], StringComparison.Ordinal);
        Assert.EndsWith($"/store/orders/{number}?payment=cancelled", request.Form["cancel_url"], StringComparison.Ordinal);
        Assert.Equal(4540, session.AmountTotal);
        var stored = await factory.WithDbAsync(db => db.PaymentSessions.SingleAsync(s => s.ProviderSessionId == session.Id));
        Assert.Equal("Stripe", stored.Provider);
    }

    [Fact]
    public async Task ASignedCompletedEventMarksTheOrderPaidAndAReplayIsIgnored()
    {
        var (_, number, session, email) = await CardOrderAsync();
        session.Paid = true;
        var payload = FakeStripe.Event("evt_" + Guid.NewGuid().ToString("N"), "checkout.session.completed", session);

        var first = await PostWebhookAsync(payload, Sign(payload, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean());

        var replay = await PostWebhookAsync(payload, Sign(payload, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True((await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean());

        var order = await StoreTestData.OrderAsync(factory, number);
        Assert.Equal(OrderStatus.Fulfilled, order.Status);
        var payment = Assert.Single(order.Payments);
        Assert.Equal(("Stripe", session.PaymentIntent, 45.40m), (payment.Provider, payment.Reference, payment.Amount));
        Assert.Single(order.Events, e => e.Kind == OrderEventKind.Paid);
        await Mailbox.WaitForMailAsync(factory.MailDirectory, email, m => m.Subject.Contains("confirmed", StringComparison.Ordinal));
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == email && m.Subject.Contains("confirmed"))));
    }

    [Fact]
    public async Task AnotherEventForTheSamePaymentRecordsNothingMore()
    {
        var (_, number, session, _) = await CardOrderAsync();
        session.Paid = true;
        foreach (var type in new[] { "checkout.session.completed", "checkout.session.async_payment_succeeded" })
        {
            var payload = FakeStripe.Event("evt_" + Guid.NewGuid().ToString("N"), type, session);
            Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(payload, Sign(payload, DateTimeOffset.UtcNow))).StatusCode);
        }
        Assert.Single((await StoreTestData.OrderAsync(factory, number)).Payments);
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("old")]
    [InlineData("future")]
    [InlineData("tampered")]
    [InlineData("missing")]
    public async Task AnUnsignedOrStaleWebhookIs400AndChangesNothing(string kind)
    {
        var (_, number, session, _) = await CardOrderAsync();
        session.Paid = true;
        var eventId = "evt_" + Guid.NewGuid().ToString("N");
        var payload = FakeStripe.Event(eventId, "checkout.session.completed", session);
        var now = DateTimeOffset.UtcNow;
        var (body, signature) = kind switch
        {
            "wrong-secret" => (payload, Sign(payload, now, "whsec_attacker")),
            "old" => (payload, Sign(payload, now.AddSeconds(-301))),
            "future" => (payload, Sign(payload, now.AddMinutes(10))),
            "tampered" => (payload.Replace("4540", "1", StringComparison.Ordinal), Sign(payload, now)),
            _ => (payload, (string?)null),
        };

        var response = await PostWebhookAsync(body, signature);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var order = await StoreTestData.OrderAsync(factory, number);
        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Empty(order.Payments);
        Assert.False(await factory.WithDbAsync(db => db.Set<WebhookEvent>().AnyAsync(e => e.EventId == eventId)));

        // The same event, properly signed, is still accepted afterwards: the refused one was not remembered.
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(payload, Sign(payload, DateTimeOffset.UtcNow))).StatusCode);
        Assert.Equal(OrderStatus.Fulfilled, (await StoreTestData.OrderAsync(factory, number)).Status);
    }

    [Fact]
    public async Task AnEventInAnotherApiVersionIsRefused()
    {
        var (_, number, session, _) = await CardOrderAsync();
        session.Paid = true;
        var payload = FakeStripe.Event("evt_" + Guid.NewGuid().ToString("N"), "checkout.session.completed", session, apiVersion: "2020-08-27");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostWebhookAsync(payload, Sign(payload, DateTimeOffset.UtcNow))).StatusCode);
        Assert.Equal(OrderStatus.Placed, (await StoreTestData.OrderAsync(factory, number)).Status);
    }

    [Fact]
    public void TheApiVersionIsTheOneStripeNetSpeaks() =>
        // A new Stripe.net may speak a newer API version: then read Stripe's changelog, check the
        // objects this code reads, and move the webhook endpoint to the new version with the constant.
        Assert.Equal(StripeCheckoutProvider.ApiVersion, Stripe.StripeConfiguration.ApiVersion);

    [Fact]
    public void AmountsGoToStripeInCentimes()
    {
        Assert.Equal(12755, StripeCheckoutProvider.MinorUnits(127.55m));
        Assert.Equal(4200, StripeCheckoutProvider.MinorUnits(42m));
    }

    [Fact]
    public async Task APaymentForAnotherAmountIsNotRecorded()
    {
        var (_, number, session, _) = await CardOrderAsync();
        var cheap = new FakeStripe.Session { Id = session.Id, AmountTotal = 100, Currency = "chf", Reference = number, Paid = true };
        var payload = FakeStripe.Event("evt_" + Guid.NewGuid().ToString("N"), "checkout.session.completed", cheap);
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(payload, Sign(payload, DateTimeOffset.UtcNow))).StatusCode);
        var order = await StoreTestData.OrderAsync(factory, number);
        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Empty(order.Payments);
        Assert.Contains(order.Events, e => e.Kind == OrderEventKind.PaymentProblem);
    }

    [Fact]
    public async Task ReturningFromStripeAsksStripeWhetherTheSessionIsPaid()
    {
        var (client, number, session, _) = await CardOrderAsync();
        var confirmation = $"/store/orders/{number}/confirmation?session_id={session.Id}&culture=en";

        var waiting = await client.GetDocumentAsync(confirmation);
        Assert.Equal("Waiting for the payment", waiting.QuerySelector("h1")!.TextContent);
        Assert.Equal(OrderStatus.Placed, (await StoreTestData.OrderAsync(factory, number)).Status);

        session.Paid = true;
        var done = await client.GetDocumentAsync(confirmation);
        Assert.NotNull(done.QuerySelector("#confirmation"));
        Assert.Contains(factory.Stripe.Requests, r => r.Method == "GET" && r.Path == $"/v1/checkout/sessions/{session.Id}");
        Assert.Equal(OrderStatus.Fulfilled, (await StoreTestData.OrderAsync(factory, number)).Status);

        // A session id that is not this order's proves nothing.
        var (other, otherNumber, _, _) = await CardOrderAsync();
        await other.GetAsync($"/store/orders/{otherNumber}/confirmation?session_id={session.Id}");
        Assert.Equal(OrderStatus.Placed, (await StoreTestData.OrderAsync(factory, otherNumber)).Status);
    }

    [Fact]
    public async Task AnEditorsRefundGoesThroughStripeAndClosesTheDownloads()
    {
        var (client, number, session, _) = await CardOrderAsync();
        session.Paid = true;
        await client.GetAsync($"/store/orders/{number}/confirmation?session_id={session.Id}");

        var (editor, _) = await factory.SignInAsAsync("Editor");
        var refund = await editor.SubmitFormAsync($"/store/admin/orders/{number}", new() { ["note"] = "customer asked" }, "form[action*='handler=Refund']");
        Assert.Equal(HttpStatusCode.Redirect, refund.StatusCode);

        var request = factory.Stripe.Requests.Single(r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == session.PaymentIntent);
        Assert.Equal("4540", request.Form["amount"]);
        var order = await StoreTestData.OrderAsync(factory, number);
        Assert.Equal(OrderStatus.Refunded, order.Status);
        Assert.Equal(2, order.Payments.Count);
        var page = await client.GetDocumentAsync($"/store/downloads/{order.Lines.Single().Id}?culture=en");
        Assert.Null(page.QuerySelector("#download"));
    }

    [Fact]
    public async Task WhenStripeIsDownTheOrderWaitsAndTheBuyerIsTold()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, buyer) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        factory.Stripe.Failing = true;
        try
        {
            var target = await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout("Card"));
            Assert.Equal($"/store/orders/{StoreTestData.OrderNumberIn(target)}", target);
            var page = await client.GetDocumentAsync(target + "?culture=en");
            Assert.Contains("could not be reached", string.Join(" ", StoreTestData.Notices(page)), StringComparison.Ordinal);
            Assert.Empty(StoreTestData.Notices(await client.GetDocumentAsync(target + "?culture=en")));
            Assert.NotNull(page.QuerySelector("#pay-now"));
        }
        finally
        {
            factory.Stripe.Failing = false;
        }
        Assert.Equal(OrderStatus.Placed, await factory.WithDbAsync(db => db.Orders.Where(o => o.UserId == buyer.Id).Select(o => o.Status).SingleAsync()));
    }
}
