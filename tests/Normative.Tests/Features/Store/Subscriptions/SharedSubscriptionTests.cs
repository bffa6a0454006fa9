using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Store.Organizations;
using Normative.Features.Store.Subscriptions;
using Normative.Tests.Features.Catalogue.Reading;
using Normative.Tests.Features.Store.Organizations;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Subscriptions;

/// <summary>A subscription bought for an organisation's named seats: each holder uses it, with their own copies and news.</summary>
public class SharedSubscriptionTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private static int Number() => StoreTestData.NextId() % 90000 + 10000;

    private sealed record Bought(User Admin, HttpClient Client, Organization Organization, string Number, Subscription Subscription, Collection Collection, Deliverable Covered);

    /// <summary>
    /// An organisation's administrator subscribes to a committee's collection from its page, sets
    /// three seats in the cart, buys for the organisation by invoice, and the order is paid; then
    /// the seats go to <paramref name="holders"/>.
    /// </summary>
    private async Task<Bought> ThreeSeatSubscriptionAsync(params User[] holders)
    {
        var n = Number();
        var tc = $"ISO/TC {n}";
        var covered = await SubscriptionTestData.AddAsync(factory, $"ISO {n}:2019", committee: tc);
        await StoreTestData.AddSourceFileAsync(factory, covered, pages: 2);
        var collection = await SubscriptionTestData.AddCollectionAsync(factory, Normative.Features.Store.Subscriptions.CollectionRule.Committee, committee: tc, price: 400m, name: $"Committee {n}");
        var admin = await OrganizationTestData.CreatePersonAsync(factory, "Ada Lovelace");
        var organization = await OrganizationTestData.CreateOrganizationAsync(factory, admin, $"Difference Engines {Guid.NewGuid():N}"[..30], holders);
        var client = await OrganizationTestData.SignInAsync(factory, admin);

        var collectionPage = await client.GetDocumentAsync($"/store/collections/{collection.Id}?culture=en");
        Assert.Contains("set 2 to 50 seats in the cart", collectionPage.QuerySelector("#collection-seats")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/store/collections/{collection.Id}", [], "form.subscribe-form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/cart", new() { ["quantity"] = "3" }, "form.quantity-form")).StatusCode);
        var fields = StoreTestData.Checkout();
        fields["Input.BuyFor"] = organization.Id.ToString(CultureInfo.InvariantCulture);
        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, fields));
        await StoreTestData.MarkPaidAsync(factory, number);
        var subscription = await factory.WithDbAsync(db => db.Subscriptions.AsNoTracking().SingleAsync(s => db.Orders.Any(o => o.Id == s.OrderId && o.Number == number)));
        if (holders.Length > 0)
        {
            var assigned = await client.SubmitFormAsync($"/store/orders/{number}/seats", new()
            {
                ["Assign.People"] = string.Join("\n", holders.Select(h => h.Email)),
            }, "form.assign-form");
            Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        }
        return new Bought(admin, client, organization, number, subscription, collection, covered);
    }

    /// <summary>Posts the subscription page's download form, even once the page no longer offers it (the server must refuse on its own).</summary>
    private static async Task<HttpResponseMessage> DownloadAsync(HttpClient client, long subscriptionId, int deliverableId) =>
        await client.PostAsync($"/store/subscriptions/{subscriptionId}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", await StoreTestData.TokenAsync(client)),
            new("deliverableId", deliverableId.ToString(CultureInfo.InvariantCulture)), new("language", "en"),
        ]));

    [Fact]
    public async Task ThreeSeatsCostThreeYearsAndTheBuyerAsSuchCannotUseTheSubscription()
    {
        var bought = await ThreeSeatSubscriptionAsync();

        var order = await StoreTestData.OrderAsync(factory, bought.Number);
        var line = Assert.Single(order.Lines);
        Assert.Equal((3, 400m, 1200m), (line.Quantity, line.UnitPrice, line.LineNet));
        Assert.Equal(bought.Organization.Id, order.OrganizationId);
        Assert.Equal([1, 2, 3], await factory.WithDbAsync(db => db.OrderSeats.Where(s => s.OrderLineId == line.Id).OrderBy(s => s.Number).Select(s => s.Number).ToListAsync()));

        // As for a multi-user PDF, the seats are the licence: the administrator without one neither sees nor downloads.
        Assert.Equal(HttpStatusCode.Forbidden, (await bought.Client.GetAsync($"/store/subscriptions/{bought.Subscription.Id}")).StatusCode);
        Assert.Null((await bought.Client.GetDocumentAsync("/store/downloads?culture=en")).QuerySelector("#subscriptions"));
        var seats = await bought.Client.GetDocumentAsync($"/store/orders/{bought.Number}/seats?culture=en");
        Assert.Equal($"{bought.Collection.NameEn} — Subscription, one year", seats.QuerySelector("#line-1-title")!.TextContent);
        Assert.Contains("0 of 3", seats.QuerySelector("#seat-count-1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachSeatHolderDownloadsCopiesStampedWithTheirNameWithinTheirOwnLimit()
    {
        var grace = await OrganizationTestData.CreatePersonAsync(factory, "Grace Hopper");
        var alan = await OrganizationTestData.CreatePersonAsync(factory, "Alan Turing");
        var bought = await ThreeSeatSubscriptionAsync(grace, alan);

        foreach (var (person, seat) in new[] { (grace, 1), (alan, 2) })
        {
            var holder = await OrganizationTestData.SignInAsync(factory, person);
            var downloads = await holder.GetDocumentAsync("/store/downloads?culture=en");
            Assert.Equal($"/store/subscriptions/{bought.Subscription.Id}", downloads.QuerySelector("#subscriptions a.subscription-link")!.GetAttribute("href"));
            var page = await holder.GetDocumentAsync($"/store/subscriptions/{bought.Subscription.Id}?culture=en");
            Assert.Equal(person.DisplayName, page.QuerySelector("#subscription-holder")!.TextContent);
            Assert.Equal($"Seat {seat} of 3, bought by {bought.Organization.Name}", page.QuerySelector("#subscription-seat")!.TextContent);

            var download = await DownloadAsync(holder, bought.Subscription.Id, bought.Covered.Id);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            var pages = PdfText.Pages(await download.Content.ReadAsByteArrayAsync());
            Assert.All(pages, text =>
            {
                Assert.Contains($"Licensed to {person.DisplayName}, {bought.Organization.Name}", text, StringComparison.Ordinal);
                Assert.Contains($"Multi-user licence, seat {seat} of 3, for the named user only", text, StringComparison.Ordinal);
                Assert.Contains($"Order {bought.Number}", text, StringComparison.Ordinal);
            });
        }

        // The limit (two in the tests) is each holder's: Grace's second and third, then Alan still downloads.
        var graceClient = await OrganizationTestData.SignInAsync(factory, grace);
        Assert.Equal(HttpStatusCode.OK, (await DownloadAsync(graceClient, bought.Subscription.Id, bought.Covered.Id)).StatusCode);
        var third = await DownloadAsync(graceClient, bought.Subscription.Id, bought.Covered.Id);
        Assert.Equal(HttpStatusCode.Forbidden, third.StatusCode);
        Assert.Contains("downloaded 2 times in this language", (await third.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var alanClient = await OrganizationTestData.SignInAsync(factory, alan);
        Assert.Equal(HttpStatusCode.OK, (await DownloadAsync(alanClient, bought.Subscription.Id, bought.Covered.Id)).StatusCode);
        Assert.Equal([(grace.Id, 2), (alan.Id, 2)], await factory.WithDbAsync(async db => (await db.SubscriptionDownloads
            .Where(d => d.SubscriptionId == bought.Subscription.Id).GroupBy(d => d.UserId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .OrderBy(x => x.Key == grace.Id ? 0 : 1).Select(x => (x.Key, x.Count)).ToList()));

        // A holder who leaves the organisation, or whose seat is taken back, can no longer use it.
        await factory.WithDbAsync(db => db.OrganizationMembers.Where(m => m.UserId == alan.Id).ExecuteDeleteAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await alanClient.GetAsync($"/store/subscriptions/{bought.Subscription.Id}")).StatusCode);
        await bought.Client.SubmitFormAsync($"/store/orders/{bought.Number}/seats", new() { ["line"] = "1", ["seat"] = "1" }, "tr[data-seat='1'] form");
        Assert.Equal(HttpStatusCode.Forbidden, (await graceClient.GetAsync($"/store/subscriptions/{bought.Subscription.Id}")).StatusCode);
    }

    [Fact]
    public async Task ASeatHolderReadsWhatTheCollectionCoversOnlineAndTheBuyerWithoutASeatDoesNot()
    {
        var grace = await OrganizationTestData.CreatePersonAsync(factory, "Grace Hopper");
        var bought = await ThreeSeatSubscriptionAsync(grace);
        await TestTexts.LoadAsync(factory, bought.Covered.Id, TestTexts.Full(bought.Covered.Reference));
        await TestTexts.LoadAsync(factory, bought.Covered.Id, TestTexts.Full(bought.Covered.Reference, "fr"));

        var reader = await OrganizationTestData.SignInAsync(factory, grace);
        foreach (var language in new[] { "en", "fr" })
        {
            var page = await reader.GetDocumentAsync($"/standard/{bought.Covered.Id}/read/{language}?culture=en");
            Assert.NotNull(page.QuerySelector("#sec_4"));
            Assert.Null(page.QuerySelector(".reader-preview"));
        }
        var buyer = await bought.Client.GetDocumentAsync($"/standard/{bought.Covered.Id}/read/en?culture=en");
        Assert.Null(buyer.QuerySelector("#sec_4"));
    }

    [Fact]
    public async Task WhatJoinsTheCollectionIsMailedToEachSeatHolderAndNotToTheBuyer()
    {
        var grace = await OrganizationTestData.CreatePersonAsync(factory, "Grace Hopper");
        var alan = await OrganizationTestData.CreatePersonAsync(factory, "Alan Turing");
        var bought = await ThreeSeatSubscriptionAsync(grace, alan);
        await StoreTestData.ScanAlertsAsync(factory);
        Assert.Equal(0, await SubscriptionTestData.UpdateMailsAsync(factory, grace.Email!));

        var tc = bought.Collection.Committee!;
        var added = await SubscriptionTestData.AddAsync(factory, $"ISO {Number()}:2026", committee: tc + "/SC 1");
        Assert.True(await StoreTestData.ScanAlertsAsync(factory) >= 2);
        Assert.Equal(0, await StoreTestData.ScanAlertsAsync(factory));

        foreach (var person in new[] { grace, alan })
        {
            Assert.Equal(1, await SubscriptionTestData.UpdateMailsAsync(factory, person.Email!));
            var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, person.Email!, m => m.Subject.Contains("new in your subscription", StringComparison.Ordinal));
            Assert.Contains($"{added.Reference}, newly in the collection", mail.Text, StringComparison.Ordinal);
            Assert.Equal($"/store/subscriptions/{bought.Subscription.Id}", Mailbox.LinkIn(mail, "/store/subscriptions/"));
        }
        Assert.Equal(0, await SubscriptionTestData.UpdateMailsAsync(factory, bought.Admin.Email!));
    }
}
