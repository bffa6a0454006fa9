using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Carts;

public class CartTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task AnonymousVisitorFillsACartAndTheHeaderCountsIt()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 20);
        var client = factory.Browser();

        var added = await StoreTestData.AddToCartAsync(client, d.Id);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/cart", added.Headers.Location!.OriginalString);
        // Reloading the cart after adding says "added" once and adds nothing more.
        var first = await StoreTestData.NoticeShownOnceAsync(client, added, "Added to your cart.");
        Assert.Single(first.QuerySelectorAll(".cart-table tbody tr"));
        Assert.Equal("1", (await client.GetDocumentAsync("/cart")).QuerySelector(".cart-link .badge [aria-hidden]")!.TextContent);
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper", "fr", "3");

        var cart = await client.GetDocumentAsync("/cart?culture=en");
        Assert.Equal("4", cart.QuerySelector(".cart-link .badge [aria-hidden]")!.TextContent);
        Assert.Contains("4 items in the cart", cart.QuerySelector(".cart-link")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, cart.QuerySelectorAll(".cart-table tbody tr").Length);
        // 17–24 pages: CHF 118 for the PDF, 3 × 118 for the printed copies.
        Assert.Equal("CHF 472.00", cart.QuerySelector("#cart-net")!.TextContent);
    }

    [Fact]
    public async Task ATamperedPriceIsIgnored()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 3);
        var client = factory.Browser();
        var page = await client.GetDocumentAsync($"/store/standard/{d.Id}");
        var form = page.QuerySelector("form.offer-form")!;
        var response = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
        [
            new("deliverableId", d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("format", "Pdf"), new("language", "en"), new("quantity", "1"),
            new("price", "0.01"), new("unitPrice", "0.01"), new("total", "0.01"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cart = await client.GetDocumentAsync("/cart?culture=en");
        Assert.Equal("CHF 42.00", cart.QuerySelector("#cart-net")!.TextContent);
    }

    [Theory]
    [InlineData("Paper", "en", "-1", "at least 1")]
    [InlineData("Paper", "en", "0", "at least 1")]
    [InlineData("Paper", "en", "100", "At most 99 printed copies")]
    [InlineData("Paper", "en", "99999999999", "whole number")]
    [InlineData("Paper", "en", "lots", "whole number")]
    [InlineData("Pdf", "en", "51", "at most 50 named seats")]
    [InlineData("Online", "en", "2", "quantity is always 1")]
    [InlineData("Pdf", "de", "1", "offer does not exist")]
    [InlineData("Ebook", "en", "1", "offer does not exist")]
    public async Task BadInputGetsAClearMessageAndLeavesTheCartAlone(string format, string language, string quantity, string message)
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var client = factory.Browser();
        await StoreTestData.AddToCartAsync(client, d.Id);
        var page = await client.GetDocumentAsync($"/store/standard/{d.Id}");
        var form = page.QuerySelector("form.offer-form")!;
        var response = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
        [
            new("deliverableId", d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("format", format), new("language", language), new("quantity", quantity),
        ]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ReadDocumentAsync();
        Assert.Contains(message, doc.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Single(doc.QuerySelectorAll(".cart-table tbody tr"));
    }

    [Fact]
    public async Task AnUnknownStandardCannotBeAdded()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var client = factory.Browser();
        var page = await client.GetDocumentAsync($"/store/standard/{d.Id}");
        var form = page.QuerySelector("form.offer-form")!;
        var response = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
        [
            new("deliverableId", "123456789"), new("format", "Pdf"), new("language", "en"), new("quantity", "1"),
        ]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("offer does not exist", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PaperQuantitiesChangeAndLinesCanBeRemoved()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 3);
        var client = factory.Browser();
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper", "en", "2");
        var updated = await client.SubmitFormAsync("/cart", new() { ["quantity"] = "5" }, "form.quantity-form");
        var cart = await StoreTestData.NoticeShownOnceAsync(client, updated, "Your cart has been updated.");
        Assert.Equal("CHF 210.00", cart.QuerySelector("#cart-net")!.TextContent);

        var removed = await client.SubmitFormAsync("/cart", [], ".cart-table form[action*='Remove']");
        cart = await StoreTestData.NoticeShownOnceAsync(client, removed, "Your cart has been updated.");
        Assert.Null(cart.QuerySelector(".cart-table"));
        Assert.Null(cart.QuerySelector(".cart-link .badge"));
    }

    [Fact]
    public async Task TheCartSendsAsManyCommandsForSixStandardsAsForTwo()
    {
        async Task<int> CommandsAsync(int standards)
        {
            var client = factory.Browser();
            for (var i = 0; i < standards; i++)
            {
                await StoreTestData.AddToCartAsync(client, (await StoreTestData.AddDeliverableAsync(factory)).Id);
            }
            var (response, commands) = await SqlCommands.GetAsync(client, "/cart");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(standards, (await response.ReadDocumentAsync()).QuerySelectorAll(".cart-table tbody tr").Length);
            return commands.Count;
        }

        Assert.Equal(await CommandsAsync(2), await CommandsAsync(6));
    }

    [Fact]
    public async Task ADoubleClickOnAddToCartAddsBothCopiesWithoutAnError()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, buyer) = await factory.SignInAsAsync("Customer");
        var page = await client.GetDocumentAsync($"/store/standard/{d.Id}");
        var form = page.QuerySelectorAll("form.offer-form").Single(f => f.QuerySelector("input[name=format]")!.GetAttribute("value") == "Paper" && f.QuerySelector("input[name=language]")!.GetAttribute("value") == "en");
        var fields = form.QuerySelectorAll("input").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();

        var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields))));

        Assert.All(clicks, c => Assert.Equal(HttpStatusCode.Redirect, c.StatusCode));
        var cart = await factory.WithDbAsync(db => db.Carts.Include(c => c.Lines).SingleAsync(c => c.UserId == buyer.Id && c.CheckedOutAt == null));
        Assert.Equal(2, Assert.Single(cart.Lines).Quantity);
    }

    [Fact]
    public async Task TheAnonymousCartJoinsTheBuyersCartAtSignIn()
    {
        var a = await StoreTestData.AddDeliverableAsync(factory);
        var b = await StoreTestData.AddDeliverableAsync(factory);
        var (buyerClient, buyer) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(buyerClient, a.Id, "Paper", "en", "2");

        var anonymous = factory.Browser();
        await StoreTestData.AddToCartAsync(anonymous, a.Id, "Paper", "en", "3");
        await StoreTestData.AddToCartAsync(anonymous, b.Id);
        var signIn = await anonymous.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = buyer.Email!, ["Input.Password"] = NormativeFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var cart = await anonymous.GetDocumentAsync("/cart?culture=en");
        Assert.Equal("6", cart.QuerySelector(".cart-link .badge [aria-hidden]")!.TextContent);
        var carts = await factory.WithDbAsync(db => db.Carts.Include(c => c.Lines).Where(c => c.UserId == buyer.Id || c.UserId == null).ToListAsync());
        var open = Assert.Single(carts, c => c.UserId == buyer.Id);
        Assert.Equal(5, open.Lines.Single(l => l.DeliverableId == a.Id).Quantity);
        Assert.Equal(1, open.Lines.Single(l => l.DeliverableId == b.Id).Quantity);
    }

    [Fact]
    public async Task AnAnonymousCartWithoutActivityForThirtyDaysExpiresWithAMessage()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var client = factory.Browser();
        await StoreTestData.AddToCartAsync(client, d.Id);
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE carts SET updated_at = now() - interval '31 days' WHERE user_id IS NULL AND id IN (SELECT cart_id FROM cart_lines WHERE deliverable_id = {d.Id})"));

        var page = await client.GetDocumentAsync("/cart?culture=en");
        Assert.Contains("has expired", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Your cart is empty", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".cart-link .badge"));
        // The message is said once; then the cart is simply empty.
        page = await client.GetDocumentAsync("/cart?culture=en");
        Assert.DoesNotContain("has expired", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCartApiComputesEveryAmountAndExplainsBadInput()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 20);
        var (api, _) = await factory.ApiClientAsync("Customer");

        var offers = await api.GetFromJsonAsync<JsonElement>($"/api/v1/store/offers/{d.Id}");
        Assert.Equal(4, offers.GetArrayLength());

        var added = await api.PostAsJsonAsync("/api/v1/cart/lines", new { deliverableId = d.Id, format = "pdf", language = "en", quantity = 1, price = 0.01 });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var cart = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(118m, cart.GetProperty("net").GetDecimal());
        Assert.Equal(127.55m, cart.GetProperty("totalDomestic").GetDecimal());
        Assert.Equal(118m, cart.GetProperty("totalAbroad").GetDecimal());

        var bad = await api.PostAsJsonAsync("/api/v1/cart/lines", new { deliverableId = d.Id, format = "Paper", language = "en", quantity = 1000 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        Assert.Contains("At most 99", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var line = cart.GetProperty("lines")[0].GetProperty("id").GetInt64();
        var removed = await api.DeleteAsync($"/api/v1/cart/lines/{line}");
        Assert.Equal(0, (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.DeleteAsync($"/api/v1/cart/lines/{line}")).StatusCode);
    }
}
