using System.Net;
using System.Text.Json;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store;

public class StorePagesTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task AStandardIsFoundByItsReferenceTypedAnyOldWay()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, "ISO/IEC 27999:2022");
        var response = await factory.Browser().GetAsync("/store?reference=iso%2Fiec27999%3A2022");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/store/standard/{d.Id}", response.Headers.Location!.OriginalString);

        var partial = await factory.Browser().GetDocumentAsync("/store?reference=27999&culture=en");
        Assert.Contains("ISO/IEC 27999:2022", partial.QuerySelector(".store-results")!.TextContent, StringComparison.Ordinal);

        var none = await factory.Browser().GetDocumentAsync("/store?reference=ISO+424242&culture=en");
        Assert.Contains("No standard has a reference like", none.QuerySelector(".store-results")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStoreExplainsPricesAndVat()
    {
        var page = await factory.Browser().GetDocumentAsync("/store?culture=en");
        Assert.Equal("Store", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("CHF 42.00", page.QuerySelector("table.bands")!.TextContent, StringComparison.Ordinal);
        var prices = page.QuerySelector("#prices")!.ParentElement!.TextContent;
        Assert.Contains("8.1 %", prices, StringComparison.Ordinal);
        Assert.Contains("2.6 %", prices, StringComparison.Ordinal);
        Assert.Contains("CHF 0.05", prices, StringComparison.Ordinal);
        var french = await factory.Browser().GetDocumentAsync("/store?culture=fr");
        Assert.Equal("Boutique", french.QuerySelector("h1")!.TextContent);
        Assert.Contains("CHF 42,00", french.QuerySelector("table.bands")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWithdrawnStandardIsMarkedAndStillOnSale()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, stage: 9599);
        var page = await factory.Browser().GetDocumentAsync($"/store/standard/{d.Id}?culture=en");
        Assert.Equal("Withdrawn", page.QuerySelector("#product-status")!.TextContent);
        Assert.Contains("Withdrawn.", page.QuerySelector(".store-offers .notice-warn")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, page.QuerySelectorAll("form.offer-form").Length);
    }

    [Fact]
    public async Task ADraftIsShownButNotSold()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, stage: 4060);
        var page = await factory.Browser().GetDocumentAsync($"/store/standard/{d.Id}?culture=en");
        Assert.Equal("Under development", page.QuerySelector("#product-status")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("form.offer-form"));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync("/store/standard/2147483647")).StatusCode);
    }

    [Fact]
    public async Task CartAndOrderEndpointsAreInTheOpenApiDocument()
    {
        using var doc = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/cart", paths);
        Assert.Contains("/api/v1/cart/lines", paths);
        Assert.Contains("/api/v1/orders", paths);
        Assert.Contains("/api/v1/orders/{number}", paths);
        Assert.Contains("/api/v1/store/offers/{deliverableId}", paths);
    }
}
