using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Checkout;

/// <summary>A site without Stripe and without the test provider (as a public site is by default) takes no card payments.</summary>
public class NoCardProviderTests(NoCardProviderTests.Factory factory) : IClassFixture<NoCardProviderTests.Factory>
{
    public sealed class Factory : StoreFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["Store:TestProvider"] = "false" };
    }

    [Fact]
    public async Task OnlyTheInvoiceIsOfferedAndACardOrderIsRefused()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, buyer) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);

        var page = await client.GetDocumentAsync("/store/checkout");
        Assert.Equal(["Invoice"], page.QuerySelectorAll("input[name='Input.PaymentMethod']").Select(i => i.GetAttribute("value")));

        var card = await client.SubmitFormAsync("/store/checkout?culture=en", StoreTestData.Checkout("Card"), "form.checkout-form");
        Assert.Equal(HttpStatusCode.BadRequest, card.StatusCode);
        Assert.Contains("Choose how you will pay.", await card.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Orders.AnyAsync(o => o.UserId == buyer.Id)));

        var invoice = await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout("Invoice"));
        Assert.Equal($"/store/orders/{StoreTestData.OrderNumberIn(invoice)}", invoice);
    }

    [Fact]
    public async Task TheTestPaymentPageDoesNotExist()
    {
        var session = await factory.WithDbAsync(async db =>
        {
            var s = new Normative.Features.Store.Payments.TestPaymentSession
            {
                Id = Guid.NewGuid(), Reference = "x", Description = "x", Amount = 1m, Currency = "CHF",
                SuccessUrl = "/", CancelUrl = "/", Status = "Open", CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync($"/store/test-payment/{session}")).StatusCode);
    }
}
