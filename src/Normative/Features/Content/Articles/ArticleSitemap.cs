using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Content.Articles;

/// <summary>Live articles in sitemap.xml, with the day they last changed.</summary>
public sealed class ArticleSitemap(TimeProvider clock) : ISitemapSource
{
    public string Name => "articles";

    public Task<int> CountAsync(NormativeDb db, CancellationToken ct) => ArticleQueries.Live(db, clock.GetUtcNow()).CountAsync(ct);

    public async Task<IReadOnlyList<SitemapUrl>> UrlsAsync(NormativeDb db, int skip, int take, CancellationToken ct)
    {
        var rows = await ArticleQueries.Live(db, clock.GetUtcNow()).OrderBy(a => a.Id).Skip(skip).Take(take)
            .Select(a => new { a.Slug, a.UpdatedAt }).ToListAsync(ct);
        return rows.Select(r => new SitemapUrl(ContentLinks.Article(r.Slug), DateOnly.FromDateTime(r.UpdatedAt.UtcDateTime))).ToList();
    }
}
