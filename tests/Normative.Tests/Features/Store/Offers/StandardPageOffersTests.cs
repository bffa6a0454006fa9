using System.Net;
using Normative.Features.Store;
using Normative.Features.Store.Offers;
using Normative.Tests.Features.Catalogue;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Offers;

/// <summary>The store's offers on the catalogue's standard page, which anonymous visitors get from the output cache.</summary>
public class StandardPageOffersTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private const int Iso9001 = 62085; // ISO 9001:2015 in the demo catalogue

    [Fact]
    public async Task TheStandardPageSellsTheStandardAndStaysCacheable()
    {
        await factory.WithDemoAsync();
        var client = factory.Browser();
        var response = await client.GetAsync($"/standard/{Iso9001}?culture=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // No cookie for an anonymous reader: a cookie would keep the page out of the output cache.
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var page = await response.ReadDocumentAsync();
        var offers = page.QuerySelector(".standard-aside .store-offers")!;
        Assert.Contains("CHF", offers.TextContent, StringComparison.Ordinal);
        var form = page.QuerySelectorAll("form.offer-form").First(f =>
            f.QuerySelector("input[name=format]")!.GetAttribute("value") == "Pdf" && f.QuerySelector("input[name=language]")!.GetAttribute("value") == "en");
        Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));

        var fields = form.QuerySelectorAll("input").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!));
        var added = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var cart = await client.GetDocumentAsync("/cart?culture=en");
        Assert.Contains("ISO 9001:2015", cart.QuerySelector(".cart-table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherSiteCannotAddToTheCart()
    {
        await factory.WithDemoAsync();
        var client = factory.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/cart?handler=Add")
        {
            Content = new FormUrlEncodedContent([new("deliverableId", Iso9001.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("format", "Pdf"), new("language", "en"), new("quantity", "1")]),
        };
        request.Headers.Add("Origin", "https://shop.example.net");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        var refused = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("<h1", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal); // the site's 403 page
        var cart = await client.GetDocumentAsync("/cart?culture=en");
        Assert.Null(cart.QuerySelector(".cart-table"));
    }

    [Fact]
    public async Task ANewPriceShowsOnTheCachedPageAtOnce()
    {
        await factory.WithDemoAsync();
        var before = await factory.Browser().GetDocumentAsync($"/standard/{Iso9001}?culture=en");
        Assert.DoesNotContain("CHF 987.65", before.QuerySelector(".store-offers")!.TextContent, StringComparison.Ordinal);

        await factory.WithDbAsync(async db =>
        {
            db.PriceOverrides.Add(new PriceOverride { DeliverableId = Iso9001, Format = ProductFormat.Pdf, Price = 987.65m, UpdatedAt = DateTimeOffset.UtcNow, UpdatedBy = "test" });
            return await db.SaveChangesAsync();
        });
        await factory.RefreshVersionAsync(); // what every instance does within Catalogue:VersionPollSeconds

        var after = await factory.Browser().GetDocumentAsync($"/standard/{Iso9001}?culture=en");
        Assert.Contains("CHF 987.65", after.QuerySelector(".store-offers")!.TextContent, StringComparison.Ordinal);
    }
}
