using Microsoft.EntityFrameworkCore;
using Normative.Features.Catalogue;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue;

/// <summary>Pages that list many things send a fixed number of SQL commands, not one per thing listed.</summary>
public class CatalogueQueryCountTests(CatalogueQueryCountTests.Factory factory) : IClassFixture<CatalogueQueryCountTests.Factory>
{
    /// <summary>Without the output cache, so every request is computed.</summary>
    public sealed class Factory : CatalogueFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Catalogue:OutputCache"] = "false" };
    }

    [Fact]
    public async Task TheSectorsPageCountsEverySectorInOneStatement()
    {
        await factory.WithDemoAsync();
        var (response, commands) = await SqlCommands.GetAsync(factory.CreateClient(), CatalogueLinks.Sectors);
        response.EnsureSuccessStatusCode();
        // Twelve sectors: a count per sector would be twelve commands on its own.
        Assert.True(commands.Count <= 4, $"{commands.Count} commands:\n{string.Join("\n", commands)}");
    }

    [Fact]
    public async Task TheCountsInOneStatementAreThoseOfEachSectorsOwnQuery()
    {
        await factory.WithDemoAsync();
        await factory.WithDbAsync(async db =>
        {
            var counts = await SectorQueries.PublishedCountsAsync(db, CancellationToken.None);
            Assert.Contains(counts.Values, c => c > 0);
            foreach (var mapping in await db.SectorMappings.AsNoTracking().ToListAsync())
            {
                Assert.Equal(await SectorQueries.PublishedIn(db, mapping).CountAsync(), counts[mapping.Slug]);
            }
            return 0;
        });
    }

    [Fact]
    public async Task AStandardPageSendsEightCommandsWhateverItsFamily()
    {
        await factory.WithDemoAsync();
        // ISO 9001:2015: two earlier editions, a draft of the next and an amendment, one query for all of them.
        var client = factory.CreateClient();
        // Once before, as a running site has: what is held in memory (the ICS titles) is loaded then.
        (await client.GetAsync(CatalogueLinks.Standard(62085))).EnsureSuccessStatusCode();
        var (response, commands) = await SqlCommands.GetAsync(client, CatalogueLinks.Standard(62085));
        response.EnsureSuccessStatusCode();
        // The deliverable with its family, its committee, the texts to read online, the store's four
        // (bands, Editors' prices, files and texts, delivery times) and the tagged articles; the ICS
        // titles come from memory (IcsDirectory). It was twelve at 545cbab, nine at 58b390b; more
        // means a part of the page started its own query.
        Assert.True(commands.Count <= 8, $"{commands.Count} commands:\n{string.Join("\n\n", commands)}");
    }

    [Fact]
    public async Task ASearchSendsThreeCommandsAtMost()
    {
        await factory.WithDemoAsync();
        var client = factory.CreateClient();
        (await client.GetAsync(CatalogueLinks.Search("management"))).EnsureSuccessStatusCode();
        var (response, commands) = await SqlCommands.GetAsync(client, CatalogueLinks.Search("quality management") + "&status=published");
        response.EnsureSuccessStatusCode();
        // The words checked against the vocabulary (typos), the ranked page with its facet counts, and
        // the articles holding the words (none here; with some, their versions in the reader's language
        // make a fourth); the ICS titles come from memory (IcsDirectory). It was four at 58b390b.
        Assert.True(commands.Count <= 3, $"{commands.Count} commands:\n{string.Join("\n\n", commands)}");
    }
}
