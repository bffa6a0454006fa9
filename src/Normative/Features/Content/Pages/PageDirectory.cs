using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Shared;

namespace Normative.Features.Content.Pages;

/// <summary>
/// Which pages are published and their titles, for the footer on every page: held in memory so a
/// page's footer costs no query. <see cref="PageDirectoryRefresher"/> reads it at start and every
/// minute (another node's edit shows within a minute); an Editor's change refreshes it at once.
/// Before the first read it assumes every page with a default text is published.
/// </summary>
public sealed class PageDirectory
{
    /// <summary>A page as the footer lists it.</summary>
    public sealed record Listed(InstitutionalPages.Entry Entry, string Title);

    private sealed record Snapshot(Dictionary<string, PageStatus> Statuses, Dictionary<string, string> Titles);

    private readonly Lock _gate = new();
    private Snapshot _current = new([], []);
    private long _started;
    private long _applied;

    /// <summary>The published pages in the footer's order, titled in <paramref name="language"/> (or else in English).</summary>
    public IReadOnlyList<Listed> Published(string language)
    {
        var snapshot = _current;
        var listed = new List<Listed>();
        foreach (var entry in InstitutionalPages.All)
        {
            if (snapshot.Statuses.GetValueOrDefault(entry.Slug) == PageStatus.Hidden)
            {
                continue;
            }
            var title = snapshot.Titles.GetValueOrDefault(entry.Slug + "." + language)
                ?? PageDefaults.Get(entry.Slug, language)?.Title
                ?? snapshot.Titles.GetValueOrDefault(entry.Slug + ".en")
                ?? PageDefaults.Get(entry.Slug, "en")?.Title;
            if (title is not null)
            {
                listed.Add(new Listed(entry, title));
            }
        }
        return listed;
    }

    /// <summary>Reads the statuses and saved titles; a read that began before another finished never replaces the newer one.</summary>
    public async Task RefreshAsync(NormativeDb db, CancellationToken ct)
    {
        var ticket = Interlocked.Increment(ref _started);
        var statuses = await db.Pages.AsNoTracking().ToDictionaryAsync(p => p.Key, p => p.Status, ct);
        var titles = await db.PageVersions.AsNoTracking().Select(v => new { v.PageKey, v.Language, v.Title }).ToListAsync(ct);
        var snapshot = new Snapshot(statuses, titles.ToDictionary(t => t.PageKey + "." + t.Language, t => t.Title, StringComparer.Ordinal));
        lock (_gate)
        {
            if (ticket > _applied)
            {
                _applied = ticket;
                _current = snapshot;
            }
        }
    }

    /// <summary>After an Editor's change: the footer's list, and the cached pages that show it (the catalogue's, the pages themselves and sitemap.xml).</summary>
    public async Task ChangedAsync(NormativeDb db, IOutputCacheStore cache, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cache);
        await RefreshAsync(db, ct);
        await cache.EvictByTagAsync(CatalogueCachePolicy.Name, ct);
        await cache.EvictByTagAsync(Sitemap.CachePolicy, ct);
    }
}
