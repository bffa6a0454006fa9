using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Store.Shipping;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Shipping;

/// <summary>Editors keep the shipping zones and rates on one page; a set with a mistake is refused whole, with the reason, and nothing is saved.</summary>
public class ShippingPageTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    /// <summary>Posts the page's form as shown (text boxes, text areas, ticked boxes and radios), changed where <paramref name="changes"/> says.</summary>
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient editor, Func<IHtmlDocument, Dictionary<string, string>> changes)
    {
        var page = await editor.GetDocumentAsync("/store/admin/shipping");
        var changed = changes(page);
        var form = page.QuerySelector("form.shipping-editor")!;
        var values = form.QuerySelectorAll("input[name], textarea[name]")
            .Where(i => i.GetAttribute("type") is not ("checkbox" or "radio") || i.HasAttribute("checked"))
            .Select(i => (Name: i.GetAttribute("name")!, Value: i is IHtmlTextAreaElement area ? area.Value : i.GetAttribute("value") ?? ""))
            .Where(v => !changed.ContainsKey(v.Name))
            .Select(v => new KeyValuePair<string, string>(v.Name, v.Value))
            .Concat(changed)
            .ToList();
        return await editor.PostAsync("/store/admin/shipping?culture=en", new FormUrlEncodedContent(values));
    }

    /// <summary>The form's prefix of the zone with this name ("Zones[1]").</summary>
    private static string ZoneNamed(IHtmlDocument page, string name) =>
        page.QuerySelectorAll("input[name$='.Name']").Single(i => i.GetAttribute("value") == name).GetAttribute("name")![..^".Name".Length];

    /// <summary>The blank zone at the end of the form, for a new one.</summary>
    private static string NewZone(IHtmlDocument page) => page.QuerySelectorAll("input[name$='.Name']").Last().GetAttribute("name")![..^".Name".Length];

    private Task<string> RatesNowAsync() => factory.WithDbAsync(async db =>
        string.Join("; ", (await ShippingRates.LoadAsync(db, CancellationToken.None))
            .Select(z => $"{z.Name} {z.EverywhereElse} {string.Join(",", z.Countries.Select(c => c.Country))} {string.Join(",", z.Rates.Select(r => $"{r.MinPages}-{r.MaxPages}:{r.Price}"))}")));

    [Fact]
    public async Task AnEditorChangesARateAndAddsAZoneWhichBuyersAreChargedAndShown()
    {
        var (editor, _) = await factory.SignInAsAsync("Editor");
        var saved = await SaveAsync(editor, page =>
        {
            var swiss = ZoneNamed(page, "Switzerland and Liechtenstein");
            var added = NewZone(page);
            return new()
            {
                [swiss + ".Rates[0].Price"] = "5,50",
                [added + ".Name"] = "North America",
                [added + ".Countries"] = "us, ca",
                [added + ".Rates[0].MinPages"] = "1",
                [added + ".Rates[0].Price"] = "30",
            };
        });
        var shown = await StoreTestData.NoticeShownOnceAsync(editor, saved, "Saved.");
        Assert.Equal("5.50", shown.QuerySelector($"input[name='{ZoneNamed(shown, "Switzerland and Liechtenstein")}.Rates[0].Price']")!.GetAttribute("value"));
        var america = await factory.WithDbAsync(db => db.ShippingZones.Include(z => z.Countries).Include(z => z.Rates).SingleAsync(z => z.Name == "North America"));
        Assert.Equal(["CA", "US"], america.Countries.Select(c => c.Country).Order());
        Assert.Equal((1, (int?)null, 30.00m), (america.Rates.Single().MinPages, america.Rates.Single().MaxPages, america.Rates.Single().Price));

        var rates = (await factory.Browser().GetDocumentAsync("/store?culture=en")).QuerySelector("table.shipping-rates")!;
        var row = rates.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Canada, United States");
        Assert.Equal("Any number of pages: CHF 30.00", row.QuerySelector("li")!.TextContent);

        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 20);
        var (buyer, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(buyer, d.Id, "Paper");
        var order = await StoreTestData.OrderAsync(factory, StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(buyer, StoreTestData.Checkout(country: "US"))));
        Assert.Equal((30.00m, "North America"), (order.ShippingCharge!.Value, order.ShippingZone!));
    }

    [Theory]
    [InlineData("overlap", "In the zone Europe, the bands 1–100 and 50–500 overlap")]
    [InlineData("twice", "DE is in the zones Europe and Switzerland and Liechtenstein")]
    [InlineData("negative", "A rate of the zone Europe is negative (-3.00)")]
    [InlineData("gap", "In the zone Europe, no band covers parcels of 2001–2100 pages")]
    [InlineData("unreadable", "Some numbers could not be read")]
    [InlineData("unknown", "XX (in the zone Europe) is not an ISO country code")]
    public async Task AMistakeIsRefusedWithItsReasonNothingIsSavedAndWhatWasTypedStays(string mistake, string message)
    {
        var (editor, _) = await factory.SignInAsAsync("Editor");
        var before = await RatesNowAsync();
        string europe = "";
        var response = await SaveAsync(editor, page =>
        {
            europe = ZoneNamed(page, "Europe");
            var swiss = ZoneNamed(page, "Switzerland and Liechtenstein");
            return mistake switch
            {
                "overlap" => new() { [europe + ".Rates[1].MinPages"] = "50" },
                "twice" => new() { [swiss + ".Countries"] = "CH LI DE" },
                "negative" => new() { [europe + ".Rates[0].Price"] = "-3" },
                "gap" => new() { [europe + ".Rates[3].MinPages"] = "2101" },
                "unreadable" => new() { [europe + ".Rates[0].Price"] = "twelve" },
                _ => new() { [europe + ".Countries"] = "DE FR XX" },
            };
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await RatesNowAsync());
        if (mistake == "overlap")
        {
            Assert.Equal("50", page.QuerySelector($"input[name='{europe}.Rates[1].MinPages']")!.GetAttribute("value"));
        }
    }
}
