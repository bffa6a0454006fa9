using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Catalogue;
using Normative.Features.Store.Subscriptions;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Subscriptions;

/// <summary>Editors define collections; the store shows and sells them, on its pages and in its API.</summary>
public class CollectionAdminTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private static int Number() => StoreTestData.NextId() % 90000 + 10000;

    private static Dictionary<string, string> Form(string nameEn = "", string nameFr = "", string rule = "Committee", string committee = "", string references = "", string price = "") => new()
    {
        ["Input.NameEn"] = nameEn,
        ["Input.NameFr"] = nameFr,
        ["Input.NameEs"] = "",
        ["Input.NameRu"] = "",
        ["Input.Rule"] = rule,
        ["Input.Committee"] = committee,
        ["Input.IcsCode"] = "",
        ["Input.References"] = references,
        ["Input.Price"] = price,
        ["Input.Format"] = "Pdf",
        ["Input.OnSale"] = "true",
    };

    private async Task<string> AddCommitteeAsync(int n)
    {
        var reference = $"ISO/TC {n}";
        await factory.WithDbAsync(async db =>
        {
            db.Committees.Add(new Committee { Reference = reference, TitleEn = "Collected things" });
            return await db.SaveChangesAsync();
        });
        return reference;
    }

    [Fact]
    public async Task AnEditorsCollectionWithMistakesComesBackAsTypedThenIsSavedAndSoldPageByPage()
    {
        var n = Number();
        var tc = await AddCommitteeAsync(n);
        await factory.WithDbAsync(async db =>
        {
            for (var i = 1; i <= 52; i++)
            {
                db.Deliverables.Add(new Deliverable
                {
                    Id = StoreTestData.NextId(), DeliverableType = "IS", Reference = $"ISO {n}-{i}:2024", TitleEn = $"Part {i}", CurrentStage = 6060, OwnerCommittee = tc,
                });
            }
            return await db.SaveChangesAsync();
        });
        var editor = await StoreTestData.SignInAsync(factory, "Editor");

        var refused = await editor.SubmitFormAsync("/store/admin/collections/new?culture=en", Form(nameFr: "Choses collectées", committee: $"ISO/TC {n}9", price: "12,345"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        var summary = page.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Give the collection an English name", summary, StringComparison.Ordinal);
        Assert.Contains("Give a price per year above 0", summary, StringComparison.Ordinal);
        Assert.Equal("Choses collectées", page.QuerySelector("#Input_NameFr")!.GetAttribute("value"));
        Assert.Equal($"ISO/TC {n}9", page.QuerySelector("#Input_Committee")!.GetAttribute("value"));
        Assert.Equal("12,345", page.QuerySelector("#Input_Price")!.GetAttribute("value"));

        var unknown = await editor.SubmitFormAsync("/store/admin/collections/new?culture=en", Form(nameEn: $"Things {n}", committee: $"ISO/TC {n}9", price: "480"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains($"No committee has the reference ISO/TC {n}9.", (await unknown.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var saved = await editor.SubmitFormAsync("/store/admin/collections/new", Form(nameEn: $"Things {n}", nameFr: "Choses collectées", committee: tc, price: "480,50"));
        await StoreTestData.NoticeShownOnceAsync(editor, saved, $"The collection Things {n} is saved.");
        var collection = await factory.WithDbAsync(db => db.Collections.AsNoTracking().SingleAsync(c => c.NameEn == $"Things {n}"));
        Assert.Equal((CollectionRule.Committee, tc, 480.50m, true), (collection.Rule, collection.Committee, collection.YearlyPrice, collection.OnSale));

        var shopper = factory.Browser();
        var first = await shopper.GetDocumentAsync($"/store/collections/{collection.Id}?culture=fr");
        Assert.Equal("Choses collectées", first.QuerySelector("h1")!.TextContent);
        Assert.Equal("52 normes couvertes aujourd’hui", first.QuerySelector("#covered-title")!.TextContent);
        Assert.Equal(50, first.QuerySelectorAll("#covered li").Length);
        var second = await shopper.GetDocumentAsync($"/store/collections/{collection.Id}?p=2&culture=es");
        Assert.Equal("Things " + n, second.QuerySelector("h1")!.TextContent);
        Assert.Equal([$"ISO {n}-51:2024", $"ISO {n}-52:2024"], second.QuerySelectorAll("#covered .reference").Select(a => a.TextContent));
        Assert.Equal(HttpStatusCode.NotFound, (await shopper.GetAsync($"/store/collections/{collection.Id}?p=3")).StatusCode);

        var added = await shopper.SubmitFormAsync($"/store/collections/{collection.Id}", [], "form.subscribe-form");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var cart = await shopper.GetDocumentAsync("/cart?culture=en");
        Assert.Contains($"Things {n}", cart.QuerySelector(".cart-table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Subscription, one year", cart.QuerySelector(".cart-table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("CHF 480.50", cart.GetElementById("cart-net")!.TextContent);
    }

    [Fact]
    public async Task AListNamingReferencesTheCatalogueLacksIsRefusedWithThem()
    {
        var n = Number();
        var known = await SubscriptionTestData.AddAsync(factory, $"ISO {n}:2020");
        var editor = await StoreTestData.SignInAsync(factory, "Editor");
        var refused = await editor.SubmitFormAsync("/store/admin/collections/new?culture=en",
            Form(nameEn: "Listed", rule: "List", references: $"{known.Reference}\nISO {n}:1999\nISO {n + 1}:2020", price: "100"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.Contains($"Not in the catalogue: ISO {n}:1999, ISO {n + 1}:2020.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{known.Reference}\nISO {n}:1999\nISO {n + 1}:2020", page.QuerySelector("#Input_References")!.TextContent.Replace("\r\n", "\n").Trim());
        Assert.False(await factory.WithDbAsync(db => db.Collections.AnyAsync(c => c.NameEn == "Listed")));
    }

    [Fact]
    public async Task OnlyEditorsDefineCollectionsAndOnlyUnsoldOnesCanBeDeleted()
    {
        var customer = await StoreTestData.SignInAsync(factory, "Customer");
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/store/admin/collections")).StatusCode);

        var d = await SubscriptionTestData.AddAsync(factory, $"ISO {Number()}:2020");
        var unsold = await SubscriptionTestData.AddCollectionAsync(factory, CollectionRule.List, references: [d.Reference], name: "Unsold");
        var sold = await SubscriptionTestData.AddCollectionAsync(factory, CollectionRule.List, references: [d.Reference], name: "Sold");
        await SubscriptionTestData.SubscribeAsync(factory, sold);
        var editor = await StoreTestData.SignInAsync(factory, "Editor");

        var list = await editor.GetDocumentAsync("/store/admin/collections?culture=en");
        var soldRow = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Sold", StringComparison.Ordinal) && !r.TextContent.Contains("Unsold", StringComparison.Ordinal));
        Assert.Equal("1", soldRow.QuerySelectorAll("td").Last().TextContent.Trim());

        Assert.Null((await editor.GetDocumentAsync($"/store/admin/collections/{sold.Id}")).GetElementById("delete-collection"));
        var refused = await editor.PostAsync($"/store/admin/collections/{sold.Id}?handler=Delete&culture=en",
            new FormUrlEncodedContent([new("__RequestVerificationToken", await StoreTestData.TokenAsync(editor))]));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("take it off sale instead", (await refused.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var deleted = await editor.SubmitFormAsync($"/store/admin/collections/{unsold.Id}", [], "form[action*='handler=Delete']");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Collections.AnyAsync(c => c.Id == unsold.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/store/admin/collections/{unsold.Id}")).StatusCode);
    }

    [Fact]
    public async Task TheStoreApiListsCollectionsAndSellsThemAndAnOffSaleOneIsRefused()
    {
        var n = Number();
        var a = await SubscriptionTestData.AddAsync(factory, $"ISO {n}:2020");
        var b = await SubscriptionTestData.AddAsync(factory, $"ISO {n + 1}:2020");
        var c = await SubscriptionTestData.AddCollectionAsync(factory, CollectionRule.List, references: [a.Reference, b.Reference], price: 300m, name: $"Api {n}");
        var off = await SubscriptionTestData.AddCollectionAsync(factory, CollectionRule.List, references: [a.Reference], name: $"Off {n}");
        await factory.WithDbAsync(db => db.Collections.Where(x => x.Id == off.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.OnSale, false)));
        var client = factory.Browser();

        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/store/collections");
        var listed = all.EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == c.Id);
        Assert.Equal(($"Api {n}", 2, 300m, "List"), (listed.GetProperty("name").GetString(), listed.GetProperty("covered").GetInt32(), listed.GetProperty("yearlyPrice").GetDecimal(), listed.GetProperty("rule").GetString()));
        Assert.DoesNotContain(all.EnumerateArray(), e => e.GetProperty("id").GetInt32() == off.Id);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/store/collections/{c.Id}");
        Assert.Equal([a.Reference, b.Reference], detail.GetProperty("deliverables").EnumerateArray().Select(d => d.GetProperty("reference").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/store/collections/999999999")).StatusCode);

        (await client.PostAsJsonAsync("/api/v1/cart/subscriptions", new { CollectionId = c.Id })).EnsureSuccessStatusCode();
        var line = (await client.GetFromJsonAsync<JsonElement>("/api/v1/cart")).GetProperty("lines").EnumerateArray().Single();
        Assert.Equal((c.Id, "Subscription", 300m), (line.GetProperty("collectionId").GetInt32(), line.GetProperty("format").GetString(), line.GetProperty("net").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, line.GetProperty("deliverableId").ValueKind);

        var refused = await client.PostAsJsonAsync("/api/v1/cart/subscriptions", new { CollectionId = off.Id });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var store = await client.GetDocumentAsync("/store?culture=en");
        Assert.Contains($"Api {n}", store.GetElementById("collections-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain($"Off {n}", store.GetElementById("collections-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var offPage = await client.GetDocumentAsync($"/store/collections/{off.Id}?culture=en");
        Assert.NotNull(offPage.GetElementById("off-sale"));
        Assert.Null(offPage.QuerySelector("form.subscribe-form"));
    }
}
