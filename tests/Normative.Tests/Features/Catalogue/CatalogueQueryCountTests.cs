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
}
