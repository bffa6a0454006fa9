using Microsoft.EntityFrameworkCore;
using Normative.Features.Catalogue;
using Normative.Features.Store.Subscriptions;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Subscriptions;

/// <summary>What subscription tests need: deliverables with a committee and ICS codes, collections, and a subscriber who bought one.</summary>
public static class SubscriptionTestData
{
    public static async Task<Deliverable> AddAsync(NormativeFactory factory, string reference, int stage = 6060, string? committee = null, List<string>? ics = null,
        List<int>? replaces = null, string? supplementType = null)
    {
        var d = new Deliverable
        {
            Id = StoreTestData.NextId(),
            DeliverableType = "IS",
            SupplementType = supplementType,
            Reference = reference,
            TitleEn = "Collected management systems — Requirements",
            CurrentStage = stage,
            Languages = ["en"],
            PagesEn = 12,
            OwnerCommittee = committee,
            IcsCodes = ics ?? [],
            Replaces = replaces ?? [],
            PublicationDate = new DateOnly(2024, 3, 1),
        };
        await factory.WithDbAsync(async db =>
        {
            db.Deliverables.Add(d);
            return await db.SaveChangesAsync();
        });
        return d;
    }

    public static async Task<Collection> AddCollectionAsync(NormativeFactory factory, CollectionRule rule, string? committee = null, string? ics = null,
        List<string>? references = null, decimal price = 480m, string name = "Test collection")
    {
        var c = new Collection
        {
            NameEn = name, NameFr = "Collection d’essai", Rule = rule, Committee = committee, IcsCode = ics, ListedReferences = references ?? [],
            YearlyPrice = price, UpdatedAt = DateTimeOffset.UtcNow,
        };
        await factory.WithDbAsync(async db =>
        {
            db.Collections.Add(c);
            return await db.SaveChangesAsync();
        });
        return c;
    }

    public static Task<IReadOnlyList<int>> CoveredAsync(NormativeFactory factory, Collection c) =>
        factory.WithDbAsync(db => CollectionCoverage.ResolveAsync(db, c, CancellationToken.None));

    /// <summary>A signed-in customer subscribes from the collection's page, checks out by invoice, and an Editor marks the order paid.</summary>
    public static async Task<(HttpClient Client, string Number, Subscription Subscription)> SubscribeAsync(NormativeFactory factory, Collection c)
    {
        var client = await StoreTestData.SignInAsync(factory, "Customer");
        var added = await client.SubmitFormAsync($"/store/collections/{c.Id}", [], "form.subscribe-form");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, added.StatusCode);
        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout(holder: "Ada Lovelace")));
        await StoreTestData.MarkPaidAsync(factory, number);
        var subscription = await factory.WithDbAsync(db => db.Subscriptions.AsNoTracking().SingleAsync(s => db.Orders.Any(o => o.Id == s.OrderId && o.Number == number)));
        return (client, number, subscription);
    }

    public static Task<string> EmailOfAsync(NormativeFactory factory, string userId) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync());

    /// <summary>Update mails queued for the address (the scan queues them in its own transaction: no waiting needed).</summary>
    public static Task<int> UpdateMailsAsync(NormativeFactory factory, string email) =>
        factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == email && m.Subject.Contains("new in your subscription")));
}
