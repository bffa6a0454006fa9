using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Orders;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Checkout;

/// <summary>Double clicks, reloads and a hundred requests at once make one order, one payment and one mail.</summary>
public class IdempotencyTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task AHundredConfirmationsOfOneCheckoutMakeOneOrderAndOnePayment()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, buyer) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        var fields = StoreTestData.Checkout("Card");
        var hosted = await StoreTestData.PlaceOrderAsync(client, fields);
        var paid = await client.SubmitFormAsync(hosted, [], "form[action*='handler=Pay']");
        var confirmation = paid.Headers.Location!.PathAndQuery;

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.GetAsync(confirmation)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var number = StoreTestData.OrderNumberIn(confirmation);
        var (orders, payments, paidEvents, mails) = await factory.WithDbAsync(async db => (
            await db.Orders.CountAsync(o => o.UserId == buyer.Id),
            await db.Payments.CountAsync(p => p.OrderId == db.Orders.Single(o => o.Number == number).Id),
            await db.OrderEvents.CountAsync(e => e.Kind == OrderEventKind.Paid && e.OrderId == db.Orders.Single(o => o.Number == number).Id),
            await db.OutboxMessages.CountAsync(m => m.To == fields["Input.Email"] && m.Subject.Contains("confirmed"))));
        Assert.Equal((1, 1, 1, 1), (orders, payments, paidEvents, mails));

        // Reloading the page later changes nothing either.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(confirmation)).StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Payments.CountAsync(p => p.OrderId == db.Orders.Single(o => o.Number == number).Id)));
    }

    [Fact]
    public async Task ManyClicksOnPlaceOrderMakeOneOrderAndOnePaymentPage()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, buyer) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        var page = await client.GetDocumentAsync("/store/checkout");
        var form = page.QuerySelector("form.checkout-form")!;
        var values = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
        values.AddRange(StoreTestData.Checkout("Card"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsync("/store/checkout", new FormUrlEncodedContent(values))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Orders.CountAsync(o => o.UserId == buyer.Id)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.PaymentSessions.CountAsync(s => db.Orders.Any(o => o.Id == s.OrderId && o.UserId == buyer.Id))));
    }

    [Fact]
    public async Task ADoubleClickOnPayRecordsOnePayment()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, buyer) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        var hosted = await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout("Card"));
        var payPage = await client.GetDocumentAsync(hosted);
        var form = payPage.QuerySelector("form[action*='handler=Pay']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))));
        Assert.All(clicks, c => Assert.Equal(HttpStatusCode.Redirect, c.StatusCode));
        await Task.WhenAll(clicks.Select(c => client.GetAsync(c.Headers.Location!.PathAndQuery)));

        var order = await factory.WithDbAsync(db => db.Orders.Include(o => o.Payments).SingleAsync(o => o.UserId == buyer.Id));
        Assert.Equal(OrderStatus.Fulfilled, order.Status);
        Assert.Single(order.Payments);
    }

    [Fact]
    public async Task TheDatabaseRefusesASecondPaymentWhateverTheCode()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (_, number) = await StoreTestData.BuyPaidPdfAsync(factory, d);
        var order = await StoreTestData.OrderAsync(factory, number);
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => factory.WithDbAsync(async db =>
        {
            db.Payments.Add(new Payment { OrderId = order.Id, Kind = PaymentKind.Payment, Provider = "Test", Amount = order.Total, At = DateTimeOffset.UtcNow, RecordedBy = "test" });
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("ix_payments_order_id_kind", error.InnerException!.Message, StringComparison.Ordinal);
    }
}
