using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Content.Pages;

/// <summary>The published institutional pages in sitemap.xml (a hidden page is left out).</summary>
public sealed class PageSitemap : ISitemapSource
{
    public string Name => "about";

    public async Task<int> CountAsync(NormativeDb db, CancellationToken ct) => (await PathsAsync(db, ct)).Count;

    public async Task<IReadOnlyList<SitemapUrl>> UrlsAsync(NormativeDb db, int skip, int take, CancellationToken ct) =>
        (await PathsAsync(db, ct)).Skip(skip).Take(take).Select(p => new SitemapUrl(p)).ToList();

    private static async Task<List<string>> PathsAsync(NormativeDb db, CancellationToken ct)
    {
        var stored = await db.Pages.ToDictionaryAsync(p => p.Key, p => p.Status, ct);
        return InstitutionalPages.All
            .Where(e => InstitutionalPages.HasOwnAddress(e)
                && (stored.TryGetValue(e.Slug, out var status) ? status == PageStatus.Published : PageDefaults.Get(e.Slug, "en") is not null))
            .Select(e => "/" + e.Slug).ToList();
    }
}
