using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Store.Subscriptions;

/// <summary>The collections on sale in sitemap.xml, after their list: what a search engine may send a buyer to.</summary>
public sealed class CollectionSitemap : ISitemapSource
{
    public string Name => "collections";

    public async Task<int> CountAsync(NormativeDb db, CancellationToken ct) => 1 + await db.Collections.CountAsync(c => c.OnSale, ct);

    public async Task<IReadOnlyList<SitemapUrl>> UrlsAsync(NormativeDb db, int skip, int take, CancellationToken ct)
    {
        var ids = await db.Collections.Where(c => c.OnSale).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        return ids.Select(id => StoreLinks.Collection(id)).Prepend(StoreLinks.Collections())
            .Skip(skip).Take(take).Select(p => new SitemapUrl(p)).ToList();
    }
}
