using Microsoft.EntityFrameworkCore;
using Normative.Features.Store.Subscriptions;

namespace Normative.Tests.Features.Store.Subscriptions;

/// <summary>What each kind of rule covers, read from a real catalogue.</summary>
public class CollectionCoverageTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private static int Number() => StoreTestData.NextId() % 90000 + 10000;

    [Fact]
    public async Task ACommitteeCollectionCoversThePublishedStandardsOfTheCommitteeAndItsSubcommittees()
    {
        var n = Number();
        var tc = $"ISO/TC {n}";
        var own = await SubscriptionTestData.AddAsync(factory, $"ISO {n}1:2020", committee: tc);
        var sub = await SubscriptionTestData.AddAsync(factory, $"ISO {n}2:2021", committee: tc + "/SC 1");
        await SubscriptionTestData.AddAsync(factory, $"ISO/DIS {n}3", stage: 4020, committee: tc);
        await SubscriptionTestData.AddAsync(factory, $"ISO {n}4:2001", stage: 9599, committee: tc);
        await SubscriptionTestData.AddAsync(factory, $"ISO {n}5:2022", committee: tc + "1");
        var c = await SubscriptionTestData.AddCollectionAsync(factory, CollectionRule.Committee, committee: tc);

        Assert.Equal(new[] { own.Id, sub.Id }.Order(), await SubscriptionTestData.CoveredAsync(factory, c));
    }

    [Fact]
    public async Task AnIcsCollectionCoversItsGroupAndSubGroups()
    {
        var g = Number() % 800 + 100;
        var group = $"97.{g}";
        var inGroup = await SubscriptionTestData.AddAsync(factory, $"ISO {Number()}:2020", ics: [group]);
        var inSubGroup = await SubscriptionTestData.AddAsync(factory, $"ISO {Number()}:2020", ics: ["01.040.01", group + ".10"]);
        await SubscriptionTestData.AddAsync(factory, $"ISO {Number()}:2020", ics: [$"97.{g + 1}.10"]);
        await SubscriptionTestData.AddAsync(factory, $"ISO {Number()}:2020", ics: ["96.010"]);
        var c = await SubscriptionTestData.AddCollectionAsync(factory, CollectionRule.Ics, ics: group);

        Assert.Equal(new[] { inGroup.Id, inSubGroup.Id }.Order(), await SubscriptionTestData.CoveredAsync(factory, c));
    }

    [Fact]
    public async Task AListCollectionCoversTheListedStandardsAndWhatFollowsFromThem()
    {
        var n = Number();
        var listed = await SubscriptionTestData.AddAsync(factory, $"ISO {n}:2015");
        var other = await SubscriptionTestData.AddAsync(factory, $"ISO {n + 1}:2018");
        await SubscriptionTestData.AddAsync(factory, $"ISO {n + 2}:2018");
        var amendment = await SubscriptionTestData.AddAsync(factory, $"ISO {n}:2015/Amd 1:2020", supplementType: "Amd");
        await SubscriptionTestData.AddAsync(factory, $"ISO {n}:2015/DAmd 2", stage: 4060, supplementType: "Amd");
        var c = await SubscriptionTestData.AddCollectionAsync(factory, CollectionRule.List, references: [listed.Reference, other.Reference]);
        Assert.Equal(new[] { listed.Id, other.Id, amendment.Id }.Order(), await SubscriptionTestData.CoveredAsync(factory, c));

        // A new edition replaces the listed one, and is corrected in turn: both join, the withdrawn edition leaves.
        var edition = await SubscriptionTestData.AddAsync(factory, $"ISO {n}:2026", replaces: [listed.Id]);
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE deliverables SET current_stage = 9599, replaced_by = {new[] { edition.Id }} WHERE id = {listed.Id}"));
        var corrigendum = await SubscriptionTestData.AddAsync(factory, $"ISO {n}:2026/Cor 1:2027", supplementType: "Cor");

        Assert.Equal(new[] { other.Id, amendment.Id, edition.Id, corrigendum.Id }.Order(), await SubscriptionTestData.CoveredAsync(factory, c));
    }
}
