using System.Net.Http.Json;
using System.Text.Json;
using Normative.Tests.Features.Catalogue.Reading;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Orders;

public class ReadingLicenceTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task APdfBuyerReadsTheWholeTextOnlineInThatLanguageOnly()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        await TestTexts.LoadAsync(factory, d.Id, TestTexts.Full(d.Reference));
        await TestTexts.LoadAsync(factory, d.Id, TestTexts.Full(d.Reference, "fr"));
        var (buyer, _) = await StoreTestData.BuyPaidPdfAsync(factory, d);

        var page = await buyer.GetDocumentAsync($"/standard/{d.Id}/read/en?culture=en");
        Assert.Contains("shall indicate the mass", page.QuerySelector("#sec_4")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("0.5 mg", page.QuerySelectorAll("#tab_1 td")[1].TextContent);
        Assert.Null(page.QuerySelector(".reader-preview"));
        var json = await buyer.GetFromJsonAsync<JsonElement>($"/api/v1/deliverables/{d.Id}/text?lang=en");
        Assert.True(json.GetProperty("licensed").GetBoolean());
        Assert.All(json.GetProperty("clauses").EnumerateArray(), c => Assert.False(c.GetProperty("locked").GetBoolean()));

        // The licence is for English: the French text shows its preview only, as to anyone else.
        var french = await buyer.GetDocumentAsync($"/standard/{d.Id}/read/fr?culture=en");
        Assert.Null(french.QuerySelector("#sec_4"));
        var stranger = await (await factory.SignInAsAsync("Customer")).Client.GetDocumentAsync($"/standard/{d.Id}/read/en?culture=en");
        Assert.Null(stranger.QuerySelector("#sec_4"));
        Assert.NotNull(stranger.QuerySelector("#sec_3\\.1"));
    }
}
