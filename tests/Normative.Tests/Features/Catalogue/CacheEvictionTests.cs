using System.Net;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Features.Catalogue;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue;

/// <summary>
/// With the output cache on, an Editor's change to one deliverable drops only the pages that show it
/// (issue #17): a page served from the cache sends no SQL at all, one computed afresh sends some.
/// </summary>
public class CacheEvictionTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private const int A = 9310001;
    private const int B = 9310002;
    private const int C = 9310003;
    private const int D = 9310005;

    private async Task ImportAsync(int first)
    {
        await factory.WithDemoAsync();
        var (_, problems) = await factory.ImportDeliverablesAsync(string.Join("\n",
            CatalogueFactory.Line(first, $"ISO {first - 9210690}:2021", "Kettles - Spout geometry", changes: ("icsCode", new[] { "01.040.07" })),
            CatalogueFactory.Line(first + 1, $"ISO {first - 9210690 + 1}:2021", "Teapots - Lid fit", changes: ("icsCode", new[] { "01.040.11" }))));
        Assert.Equal("", problems);
    }

    private static async Task<IReadOnlyList<string>> CommandsAsync(HttpClient client, string url)
    {
        var (response, commands) = await SqlCommands.GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return commands;
    }

    private async Task EditEnglishTitleAsync(int id, string title)
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var edit = $"/standard/{id}/edit?culture=en";
        var saved = await RecordForm.PostAsync(editor, edit, (await RecordForm.ReadAsync(editor, edit)).With("Input.TitleEn", title));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    /// <summary>A visitor reading in <paramref name="language"/> (no cookie, so the cache may answer).</summary>
    private HttpClient Visitor(string language)
    {
        var client = factory.CreateClient(new() { HandleCookies = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Fact]
    public async Task AnEditorsChangeShowsAtOnceWhileOtherStandardPagesStayCached()
    {
        await ImportAsync(A);
        var (en, fr, ru) = (Visitor("en"), Visitor("fr"), Visitor("ru"));
        (HttpClient, string)[] touched = [(en, $"/standard/{A}"), (fr, $"/standard/{A}"), (en, "/ics/01.040.07")];
        (HttpClient, string)[] untouched = [(en, $"/standard/{B}"), (ru, $"/standard/{B}"), (en, "/ics/01.040.11")];
        foreach (var (client, url) in touched.Concat(untouched))
        {
            Assert.NotEmpty(await CommandsAsync(client, url));
            Assert.Empty(await CommandsAsync(client, url));
        }

        await EditEnglishTitleAsync(A, "Kettles - Spout geometry and drip");

        foreach (var (client, url) in touched)
        {
            Assert.Contains("Spout geometry and drip", await client.GetStringAsync(url), StringComparison.Ordinal);
        }
        var found = await en.GetDocumentAsync("/search?q=drip");
        Assert.Equal([$"ISO {A - 9210690}:2021"], found.QuerySelectorAll(".result-list .reference").Select(r => r.TextContent.Trim()));
        foreach (var (client, url) in untouched)
        {
            var commands = await CommandsAsync(client, url);
            Assert.True(commands.Count == 0, $"{url} was computed again ({commands.Count} commands):\n{string.Join("\n\n", commands)}");
            Assert.Contains("Lid fit", await client.GetStringAsync(url), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AChangeMadeThroughAnotherNodeReachesThisOneByTheDatabaseAlone()
    {
        await ImportAsync(D);
        var en = Visitor("en");
        foreach (var url in new[] { $"/standard/{D}", $"/standard/{D + 1}" })
        {
            await en.GetStringAsync(url);
            Assert.Empty(await CommandsAsync(en, url));
        }

        // Another node saves: this one learns of it only from the version and what the triggers recorded.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE deliverables SET title_en = 'Kettles - Spout geometry, second edition' WHERE id = {D}"));
        await factory.RefreshVersionAsync();

        Assert.Contains("Spout geometry, second edition", await en.GetStringAsync($"/standard/{D}"), StringComparison.Ordinal);
        Assert.Empty(await CommandsAsync(en, $"/standard/{D + 1}"));
    }

    [Fact]
    public async Task AChangeThatMayShowAnywhereStillDropsEveryPage()
    {
        await ImportAsync(C);
        var visitor = Visitor("en");
        var other = $"/standard/{C + 1}";
        await visitor.GetStringAsync(other);
        Assert.Empty(await CommandsAsync(visitor, other));

        // An ICS title is shown on every standard page under the code, and on lists: everything goes.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE ics_codes SET title = title || ' (Teapots)' WHERE code = '01.040.11'"));
        await factory.RefreshVersionAsync();

        Assert.NotEmpty(await CommandsAsync(visitor, other));
        Assert.Contains("(Teapots)", await visitor.GetStringAsync(other), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileArrivingForOneStandardDropsItsPagesAndLeavesTheOthersCached()
    {
        const int E = 9310007;
        await ImportAsync(E);
        var en = Visitor("en");
        foreach (var url in new[] { $"/standard/{E}", $"/standard/{E + 1}" })
        {
            await en.GetStringAsync(url);
            Assert.Empty(await CommandsAsync(en, url));
        }

        var d = await factory.WithDbAsync(db => db.Deliverables.AsNoTracking().SingleAsync(x => x.Id == E));
        await Store.StoreTestData.AddSourceFileAsync(factory, d);
        await factory.RefreshVersionAsync();

        Assert.NotEmpty(await CommandsAsync(en, $"/standard/{E}"));
        Assert.Empty(await CommandsAsync(en, $"/standard/{E + 1}"));
    }

    /// <summary>
    /// A page computed from the data before a change and finished after the change's eviction (the
    /// response started before the version moved, its body was written after) is not stored: it would
    /// otherwise be served, stale, until it expired.
    /// </summary>
    [Fact]
    public async Task APageComputedUnderAVersionThatHasMovedIsNotStored()
    {
        const int F = 9310009;
        await ImportAsync(F);
        var version = factory.Services.GetRequiredService<CatalogueVersion>();
        var current = await version.RefreshAsync();
        var store = factory.Services.GetRequiredService<IOutputCacheStore>();
        Assert.IsType<CatalogueCacheStore>(store);
        byte[] page = [1, 2, 3];

        await store.SetAsync("stale", page, [CatalogueCachePolicy.Name, CatalogueCacheStore.VersionTag(current - 1)], TimeSpan.FromMinutes(1), default);
        await store.SetAsync("fresh", page, [CatalogueCachePolicy.Name, CatalogueCacheStore.VersionTag(current)], TimeSpan.FromMinutes(1), default);

        Assert.Null(await store.GetAsync("stale", default));
        Assert.Equal(page, await store.GetAsync("fresh", default));
        await store.EvictByTagAsync(CatalogueCachePolicy.Name, default);
        Assert.Null(await store.GetAsync("fresh", default));
    }
}
