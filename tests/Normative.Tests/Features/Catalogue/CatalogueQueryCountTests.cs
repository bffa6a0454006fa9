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
    public async Task AStandardPageSendsTenCommandsWhateverItsFamily()
    {
        await factory.WithDemoAsync();
        // ISO 9001:2015: two earlier editions, a draft of the next and an amendment, one query for all of them.
        var (response, commands) = await SqlCommands.GetAsync(factory.CreateClient(), CatalogueLinks.Standard(62085));
        response.EnsureSuccessStatusCode();
        // The deliverable with its family, its committee, its ICS titles, the texts to read online,
        // the store's five (bands, Editors' prices, tax rules, files and texts, delivery times) and
        // the tagged articles. It was twelve; more means a part of the page started its own query.
        Assert.True(commands.Count <= 10, $"{commands.Count} commands:\n{string.Join("\n\n", commands)}");
    }

    [Fact]
    public async Task ASearchSendsFiveCommandsAtMost()
    {
        await factory.WithDemoAsync();
        var (response, commands) = await SqlCommands.GetAsync(factory.CreateClient(), CatalogueLinks.Search("quality management") + "&status=published");
        response.EnsureSuccessStatusCode();
        // The words checked against the vocabulary (typos), the ranked page with its facet counts, the ICS titles,
        // and the articles holding the words (the articles, then their versions in the reader's language).
        Assert.True(commands.Count <= 5, $"{commands.Count} commands:\n{string.Join("\n\n", commands)}");
    }
}
