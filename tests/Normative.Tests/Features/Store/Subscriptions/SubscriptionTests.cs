using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Store;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Subscriptions;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Subscriptions;

/// <summary>Buying a collection, downloading what it covers while the subscription runs, and the update service.</summary>
public class SubscriptionTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private static int Number() => StoreTestData.NextId() % 90000 + 10000;

    /// <summary>Posts the subscription page's download form for the deliverable in the language.</summary>
    private static async Task<HttpResponseMessage> DownloadAsync(HttpClient client, long subscriptionId, int deliverableId, string language = "en")
    {
        var page = await client.GetDocumentAsync($"/store/subscriptions/{subscriptionId}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? await StoreTestData.TokenAsync(client);
        return await client.PostAsync($"/store/subscriptions/{subscriptionId}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("deliverableId", deliverableId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("language", language),
        ]));
    }

    [Fact]
    public async Task APaidCollectionOrderStartsAYearsSubscriptionThatTheDownloadsPageShows()
    {
        var n = Number();
        var first = await SubscriptionTestData.AddAsync(factory, $"ISO {n}:2019");
        var second = await SubscriptionTestData.AddAsync(factory, $"ISO {n + 1}:2020");
        var c = await SubscriptionTestData.AddCollectionAsync(factory, CollectionRule.List, references: [first.Reference, second.Reference], price: 480m, name: $"Widgets {n}");

        var (client, number, subscription) = await SubscriptionTestData.SubscribeAsync(factory, c);

        var order = await StoreTestData.OrderAsync(factory, number);
        Assert.Equal(OrderStatus.Fulfilled, order.Status);
        var line = Assert.Single(order.Lines);
        Assert.Equal((c.Id, (int?)null, ProductFormat.Subscription, 480m), (line.CollectionId!.Value, line.DeliverableId, line.Format, line.LineNet));
        // 480 net with Swiss VAT on an electronic service (8.1 %: 38.88), rounded to 0.05.
        Assert.Equal(518.90m, order.Total);
        Assert.Equal(order.PaidAt, subscription.StartsAt);
        Assert.Equal(order.PaidAt!.Value.AddYears(1), subscription.EndsAt);

        var downloads = await client.GetDocumentAsync("/store/downloads?culture=en");
        var section = downloads.QuerySelector("#subscriptions")!;
        Assert.Contains($"Widgets {n}", section.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Your subscription runs until {subscription.EndsAt.UtcDateTime:yyyy-MM-dd}.", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("Covered today: 2 standards", section.TextContent, StringComparison.Ordinal);
        Assert.Equal([first.Reference, second.Reference], section.QuerySelectorAll(".reference").Select(r => r.TextContent));
        Assert.Equal($"/store/subscriptions/{subscription.Id}", section.QuerySelector("a.subscription-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ANewEditionImportedAfterThePurchaseIsDownloadableWithoutANewOrderAndMailedOnce()
    {
        var n = Number();
        var bought = await SubscriptionTestData.AddAsync(factory, $"ISO {n}:2019");
        var c = await SubscriptionTestData.AddCollectionAsync(factory, CollectionRule.List, references: [bought.Reference], name: $"Gauges {n}");
        var (client, number, subscription) = await SubscriptionTestData.SubscribeAsync(factory, c);
        var email = await SubscriptionTestData.EmailOfAsync(factory, subscription.UserId);
        await StoreTestData.ScanAlertsAsync(factory);
        Assert.Equal(0, await SubscriptionTestData.UpdateMailsAsync(factory, email));

        var successor = StoreTestData.NextId();
        var file = Path.Combine(Directory.CreateTempSubdirectory("subscriptions-").FullName, "deliverables.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            Catalogue.CatalogueFactory.Line(bought.Id, bought.Reference, bought.TitleEn!, 9599, ("replacedBy", new[] { successor })),
            Catalogue.CatalogueFactory.Line(successor, $"ISO {n}:2026", bought.TitleEn!, 6060, ("replaces", new[] { bought.Id })),
        ]);
        var import = await CliProcess.RunAsync(null, "import", "deliverables", file, "--ConnectionStrings:Normative=" + factory.ConnectionString);
        Assert.Equal(0, import.ExitCode);
        await StoreTestData.ScanAlertsAsync(factory);
        await StoreTestData.ScanAlertsAsync(factory);

        Assert.Equal(1, await SubscriptionTestData.UpdateMailsAsync(factory, email));
        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, email, m => m.Subject.Contains("new in your subscription", StringComparison.Ordinal));
        Assert.Contains($"Gauges {n} (your subscription runs until {subscription.EndsAt.UtcDateTime:yyyy-MM-dd}):", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"ISO {n}:2026, a new edition of ISO {n}:2019", mail.Text, StringComparison.Ordinal);
        Assert.Equal($"/store/subscriptions/{subscription.Id}", Mailbox.LinkIn(mail, "/store/subscriptions/"));

        var edition = await factory.WithDbAsync(db => db.Deliverables.AsNoTracking().SingleAsync(d => d.Id == successor));
        await StoreTestData.AddSourceFileAsync(factory, edition, pages: 2);
        var page = await client.GetDocumentAsync($"/store/subscriptions/{subscription.Id}?culture=en");
        Assert.Equal([$"ISO {n}:2026"], page.QuerySelectorAll("#covered a[href^='/store/standard/']").Select(a => a.TextContent));
        var download = await DownloadAsync(client, subscription.Id, successor);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var text = string.Join("\n", PdfText.Pages(await download.Content.ReadAsByteArrayAsync()));
        Assert.Contains("Licensed to Ada Lovelace", text, StringComparison.Ordinal);
        Assert.Contains($"Order {number}", text, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Orders.CountAsync(o => o.UserId == subscription.UserId)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.SubscriptionDownloads.CountAsync(d => d.SubscriptionId == subscription.Id && d.DeliverableId == successor)));
    }

    [Fact]
    public async Task AStandardPublishedUnderACommitteeRuleIsNewsAndItsDownloadsAreCounted()
    {
        var n = Number();
        var tc = $"ISO/TC {n}";
        await SubscriptionTestData.AddAsync(factory, $"ISO {n}:2019", committee: tc);
        var c = await SubscriptionTestData.AddCollectionAsync(factory, CollectionRule.Committee, committee: tc, name: $"Committee {n}");
        var (client, _, subscription) = await SubscriptionTestData.SubscribeAsync(factory, c);
        var email = await SubscriptionTestData.EmailOfAsync(factory, subscription.UserId);

        var added = await SubscriptionTestData.AddAsync(factory, $"ISO {n + 1}:2026", committee: tc + "/SC 3");
        var amendment = await SubscriptionTestData.AddAsync(factory, $"ISO {n}:2019/Amd 1:2026", committee: tc, supplementType: "Amd");
        Assert.True(await StoreTestData.ScanAlertsAsync(factory) >= 1);
        Assert.Equal(0, await StoreTestData.ScanAlertsAsync(factory));

        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, email, m => m.Subject.Contains("new in your subscription", StringComparison.Ordinal));
        Assert.Contains($"ISO {n + 1}:2026, newly in the collection", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"ISO {n}:2019/Amd 1:2026, an amendment", mail.Text, StringComparison.Ordinal);
        Assert.Equal(1, await SubscriptionTestData.UpdateMailsAsync(factory, email));

        // The store's limit (two in the tests) holds for each standard and language.
        await StoreTestData.AddSourceFileAsync(factory, added);
        Assert.Equal(HttpStatusCode.OK, (await DownloadAsync(client, subscription.Id, added.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DownloadAsync(client, subscription.Id, added.Id)).StatusCode);
        var third = await DownloadAsync(client, subscription.Id, added.Id);
        Assert.Equal(HttpStatusCode.Forbidden, third.StatusCode);
        Assert.Contains("downloaded 2 times in this language", (await third.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        // Not yet a file in this language, and not covered at all: a clear answer, no PDF.
        Assert.Equal(HttpStatusCode.Conflict, (await DownloadAsync(client, subscription.Id, amendment.Id)).StatusCode);
        var outside = await SubscriptionTestData.AddAsync(factory, $"ISO {n + 2}:2026", committee: $"ISO/TC {n}0");
        await StoreTestData.AddSourceFileAsync(factory, outside);
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(client, subscription.Id, outside.Id)).StatusCode);
    }

    [Fact]
    public async Task ASubscriptionBoughtWhileOneRunsFollowsItAndNewsIsNamedOnce()
    {
        var n = Number();
        var tc = $"ISO/TC {n}";
        await SubscriptionTestData.AddAsync(factory, $"ISO {n}:2019", committee: tc);
        var c = await SubscriptionTestData.AddCollectionAsync(factory, CollectionRule.Committee, committee: tc);
        var (client, _, first) = await SubscriptionTestData.SubscribeAsync(factory, c);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/store/collections/{c.Id}", [], "form.subscribe-form")).StatusCode);
        var renewal = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout()));
        await StoreTestData.MarkPaidAsync(factory, renewal);

        var second = await factory.WithDbAsync(db => db.Subscriptions.AsNoTracking().SingleAsync(s => s.UserId == first.UserId && s.Id != first.Id));
        Assert.Equal((first.EndsAt, first.EndsAt.AddYears(1)), (second.StartsAt, second.EndsAt));
        var downloads = await client.GetDocumentAsync("/store/downloads?culture=en");
        Assert.Contains($"This subscription runs from {first.EndsAt.UtcDateTime:yyyy-MM-dd} to {second.EndsAt.UtcDateTime:yyyy-MM-dd}", downloads.QuerySelector("#subscriptions")!.TextContent, StringComparison.Ordinal);

        var email = await SubscriptionTestData.EmailOfAsync(factory, first.UserId);
        await SubscriptionTestData.AddAsync(factory, $"ISO {n + 1}:2026", committee: tc);
        await StoreTestData.ScanAlertsAsync(factory);
        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, email, m => m.Subject.Contains("new in your subscription", StringComparison.Ordinal));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(mail.Text, $"ISO {n + 1}:2026"));
        Assert.Equal(2, await factory.WithDbAsync(db => db.SubscriptionNotices.CountAsync(x => (x.SubscriptionId == first.Id || x.SubscriptionId == second.Id) && x.MailedAt != null)));
    }

    [Fact]
    public async Task AnExpiredSubscriptionRefusesDownloadsAndSaysWhen()
    {
        var d = await SubscriptionTestData.AddAsync(factory, $"ISO {Number()}:2020");
        await StoreTestData.AddSourceFileAsync(factory, d);
        var c = await SubscriptionTestData.AddCollectionAsync(factory, CollectionRule.List, references: [d.Reference]);
        var (client, _, subscription) = await SubscriptionTestData.SubscribeAsync(factory, c);
        Assert.Equal(HttpStatusCode.OK, (await DownloadAsync(client, subscription.Id, d.Id)).StatusCode);

        var ended = DateTimeOffset.UtcNow.AddDays(-3);
        await factory.WithDbAsync(db => db.Subscriptions.Where(s => s.Id == subscription.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, ended.AddYears(-1)).SetProperty(x => x.EndsAt, ended)));

        var refused = await DownloadAsync(client, subscription.Id, d.Id);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual("application/pdf", refused.Content.Headers.ContentType?.MediaType);
        var page = await client.GetDocumentAsync($"/store/subscriptions/{subscription.Id}?culture=en");
        Assert.Contains($"This subscription ended on {ended.UtcDateTime:yyyy-MM-dd}: no more downloads.", page.QuerySelector(".subscription-state")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("#covered form"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.SubscriptionDownloads.CountAsync(x => x.SubscriptionId == subscription.Id)));
    }

    [Fact]
    public async Task OnlyTheSubscriberMaySeeOrUseASubscription()
    {
        var d = await SubscriptionTestData.AddAsync(factory, $"ISO {Number()}:2020");
        await StoreTestData.AddSourceFileAsync(factory, d);
        var c = await SubscriptionTestData.AddCollectionAsync(factory, CollectionRule.List, references: [d.Reference]);
        var (_, _, subscription) = await SubscriptionTestData.SubscribeAsync(factory, c);

        var stranger = await StoreTestData.SignInAsync(factory, "Customer");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/store/subscriptions/{subscription.Id}")).StatusCode);
        var post = await stranger.PostAsync($"/store/subscriptions/{subscription.Id}", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", await StoreTestData.TokenAsync(stranger)), new("deliverableId", d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("language", "en")]));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Empty((await stranger.GetDocumentAsync("/store/downloads")).QuerySelectorAll("#subscriptions"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.SubscriptionDownloads.CountAsync(x => x.SubscriptionId == subscription.Id)));

        var anonymous = await factory.Browser().GetAsync($"/store/subscriptions/{subscription.Id}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/signin", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefundedOrderEndsItsSubscription()
    {
        var d = await SubscriptionTestData.AddAsync(factory, $"ISO {Number()}:2020");
        await StoreTestData.AddSourceFileAsync(factory, d);
        var c = await SubscriptionTestData.AddCollectionAsync(factory, CollectionRule.List, references: [d.Reference]);
        var (client, number, subscription) = await SubscriptionTestData.SubscribeAsync(factory, c);
        var editor = await StoreTestData.SignInAsync(factory, "Editor");
        var refunded = await editor.SubmitFormAsync($"/store/admin/orders/{number}", new() { ["note"] = "Changed their mind" }, "form[action*='handler=Refund']");
        Assert.Equal(HttpStatusCode.Redirect, refunded.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await DownloadAsync(client, subscription.Id, d.Id)).StatusCode);
        var page = await client.GetDocumentAsync($"/store/subscriptions/{subscription.Id}?culture=en");
        Assert.Contains("ended when its order was refunded", page.QuerySelector(".subscription-state")!.TextContent, StringComparison.Ordinal);
    }
}
