using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Carts;

/// <summary>Changes to an anonymous cart are rate-limited per client; looking at the cart is not.</summary>
public class CartRateLimitTests(CartRateLimitTests.Factory factory) : IClassFixture<CartRateLimitTests.Factory>
{
    public sealed class Factory : StoreFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["Store:AnonymousCartChangesPerMinute"] = "3" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddress>());
        }
    }

    private HttpClient ClientAt(string address)
    {
        var client = factory.Browser();
        client.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        return client;
    }

    [Fact]
    public async Task TheFourthChangeInAMinuteGetsATooManyRequestsPageAndAnotherClientIsServed()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 20);
        var client = ClientAt("198.51.100.31");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await StoreTestData.AddToCartAsync(client, d.Id, "Paper", "fr")).StatusCode);
        }

        var refused = await StoreTestData.AddToCartAsync(client, d.Id, "Paper", "fr", "2");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many requests", (await refused.ReadDocumentAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // Nothing of the refused change reached the cart, and the cart still shows.
        var cart = await client.GetAsync("/cart?culture=en");
        Assert.Equal(HttpStatusCode.OK, cart.StatusCode);
        Assert.Equal("3", (await cart.ReadDocumentAsync()).QuerySelector(".cart-link .badge [aria-hidden]")!.TextContent);

        var other = ClientAt("198.51.100.32");
        Assert.Equal(HttpStatusCode.Redirect, (await StoreTestData.AddToCartAsync(other, d.Id, "Paper", "fr")).StatusCode);
    }
}
