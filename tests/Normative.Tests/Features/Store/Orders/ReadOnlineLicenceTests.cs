using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Store;
using Normative.Features.Store.Orders;
using Normative.Tests.Features.Catalogue.Reading;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Orders;

/// <summary>The "read online" licence: offered only where a text is loaded, bought through the real checkout, read in its language only.</summary>
public class ReadOnlineLicenceTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private static string[] OffersOn(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("form.offer-form")
            .Select(f => $"{f.QuerySelector("input[name=format]")!.GetAttribute("value")}/{f.QuerySelector("input[name=language]")!.GetAttribute("value")}")
            .ToArray();

    [Fact]
    public async Task ReadingOnlineIsOfferedOnlyForALanguageWhoseTextIsLoaded()
    {
        var withText = await StoreTestData.AddDeliverableAsync(factory);
        await TestTexts.LoadAsync(factory, withText.Id, TestTexts.Full(withText.Reference));
        var without = await StoreTestData.AddDeliverableAsync(factory);
        var visitor = factory.CreateClient();

        var offered = OffersOn(await visitor.GetDocumentAsync($"/store/standard/{withText.Id}?culture=en"));
        Assert.Contains("Online/en", offered);
        Assert.DoesNotContain("Online/fr", offered);
        var page = await visitor.GetDocumentAsync($"/store/standard/{withText.Id}?culture=en");
        Assert.Contains("Read online", page.QuerySelector(".store-offers")!.TextContent, StringComparison.Ordinal);

        Assert.DoesNotContain(OffersOn(await visitor.GetDocumentAsync($"/store/standard/{without.Id}?culture=en")), o => o.StartsWith("Online/", StringComparison.Ordinal));

        // Nor can it be put in a cart by hand: the same form, for the deliverable without a text.
        var form = page.QuerySelectorAll("form.offer-form").First(f => f.QuerySelector("input[name=format]")!.GetAttribute("value") == "Online");
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        fields["deliverableId"] = without.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await visitor.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.False(await factory.WithDbAsync(db => db.Carts.AnyAsync(c => c.Lines.Any(l => l.DeliverableId == without.Id))));
    }

    [Fact]
    public async Task ABuyerOfReadingOnlineInEnglishReadsTheWholeEnglishTextAndOnlyTheFrenchPreview()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        await TestTexts.LoadAsync(factory, d.Id, TestTexts.Full(d.Reference));
        await TestTexts.LoadAsync(factory, d.Id, TestTexts.Full(d.Reference, "fr"));
        var client = await StoreTestData.SignInAsync(factory, "Customer");
        Assert.Equal(HttpStatusCode.Redirect, (await StoreTestData.AddToCartAsync(client, d.Id, "Online", "en")).StatusCode);
        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout()));

        // Placed but not paid: the preview only.
        Assert.Null((await client.GetDocumentAsync($"/standard/{d.Id}/read/en?culture=en")).QuerySelector("#sec_4"));
        await StoreTestData.MarkPaidAsync(factory, number);

        var english = await client.GetDocumentAsync($"/standard/{d.Id}/read/en?culture=en");
        Assert.Contains("shall indicate the mass", english.QuerySelector("#sec_4")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(english.QuerySelector("#sec_A"));
        var french = await client.GetDocumentAsync($"/standard/{d.Id}/read/fr?culture=en");
        Assert.Null(french.QuerySelector("#sec_4"));
        Assert.NotNull(french.QuerySelector("#sec_3\\.1"));

        // Nothing to ship or download: fulfilled at payment, taxed as an electronic supply like the PDF.
        var order = await StoreTestData.OrderAsync(factory, number);
        Assert.Equal(OrderStatus.Fulfilled, order.Status);
        var line = Assert.Single(order.Lines);
        Assert.Equal(ProductFormat.Online, line.Format);
        Assert.Equal(0, line.DownloadLimit);
        Assert.Equal(ShippingStatus.NotApplicable, line.ShippingStatus);
        Assert.Equal(0.081m, line.VatRate);

        // The order and "My downloads" link to the reader instead of a download; the invoice names the licence.
        var orderPage = await client.GetDocumentAsync($"/store/orders/{number}?culture=en");
        Assert.Equal($"/standard/{d.Id}/read/en", orderPage.QuerySelector("a.read-link")!.GetAttribute("href"));
        Assert.Null(orderPage.QuerySelector("a.download-link"));
        var downloads = await client.GetDocumentAsync("/store/downloads?culture=en");
        Assert.Equal($"/standard/{d.Id}/read/en", downloads.QuerySelector("a.read-link")!.GetAttribute("href"));
        Assert.Null(downloads.QuerySelector("a.download-link"));
        var invoice = await client.GetAsync(orderPage.QuerySelector("#invoice-link")!.GetAttribute("href"));
        var text = string.Join("\n", PdfText.Pages(await invoice.Content.ReadAsByteArrayAsync()));
        Assert.Contains("Read online, English", text, StringComparison.Ordinal);
        Assert.Contains(order.InvoiceNumber!, text, StringComparison.Ordinal);
    }
}
