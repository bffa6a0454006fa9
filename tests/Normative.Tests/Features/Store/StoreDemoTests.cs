using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Cli.Demo;
using Normative.Features.Store.Organizations;
using Normative.Features.Store.Subscriptions;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store;

/// <summary>The store's demo data: something to subscribe to and an organisation to buy seats for, on a fresh install.</summary>
public class StoreDemoTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private Task LoadAsync() => DemoData.LoadAsync(factory, store: true);

    [Fact]
    public async Task TheDemoSellsThreeCollectionsThatCoverStandardsAndHasAnOrganizationForSeatsLoadingTwiceAddsNothing()
    {
        await LoadAsync();
        await LoadAsync();

        var collections = await factory.WithDbAsync(db => db.Collections.AsNoTracking().Where(c => c.UpdatedBy == "demo").OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([CollectionRule.Ics, CollectionRule.Committee, CollectionRule.List], collections.Select(c => c.Rule));
        foreach (var c in collections)
        {
            Assert.True((await factory.WithDbAsync(db => CollectionCoverage.ResolveAsync(db, c, CancellationToken.None))).Count >= 3, c.NameEn);
        }
        var members = await factory.WithDbAsync(db => (
                from m in db.OrganizationMembers
                join o in db.Organizations on m.OrganizationId equals o.Id
                join u in db.Users on m.UserId equals u.Id
                where o.Name == StoreDemo.OrganizationName
                orderby u.Email
                select new { u.Email, m.Role })
            .ToListAsync());
        Assert.Equal([("customer@demo.normative.test", OrganizationRole.Administrator), ("delegate@demo.normative.test", OrganizationRole.Member)],
            members.Select(m => (m.Email!, m.Role)));

        // Search engines find the collections on sale, after their list; one off sale is left out.
        var off = await Subscriptions.SubscriptionTestData.AddCollectionAsync(factory, CollectionRule.List, references: ["ISO 9001:2015"], name: "Withdrawn offer");
        await factory.WithDbAsync(db => db.Collections.Where(c => c.Id == off.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.OnSale, false)));
        var anonymous = factory.Browser();
        Assert.Contains("/sitemap-collections-1.xml", await anonymous.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
        var sitemap = await anonymous.GetStringAsync("/sitemap-collections-1.xml");
        Assert.Contains("/store/collections<", sitemap, StringComparison.Ordinal);
        Assert.All(collections, c => Assert.Contains($"/store/collections/{c.Id}<", sitemap, StringComparison.Ordinal));
        Assert.DoesNotContain($"/store/collections/{off.Id}<", sitemap, StringComparison.Ordinal);
    }
}
