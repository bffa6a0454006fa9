using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Content.Articles;

/// <summary>What readers see of articles: live ones only, newest first, each in the reader's language or English.</summary>
public static class ArticleQueries
{
    public static IQueryable<Article> Live(NormativeDb db, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Articles.AsNoTracking()
            .Where(a => (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Scheduled) && a.PublishAt <= now);
    }

    /// <summary>
    /// The articles of <paramref name="query"/> that hold every word of <paramref name="words"/> in a
    /// version's title, summary or text. PostgreSQL's 'simple' configuration (no stemming) serves every
    /// language alike; accents are kept, as the reader typed them.
    /// </summary>
    public static IQueryable<Article> Search(IQueryable<Article> query, string words)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Where(a => a.Versions.Any(v =>
            EF.Functions.ToTsVector("simple", v.Title + " " + v.Summary + " " + v.Body).Matches(EF.Functions.PlainToTsQuery("simple", words))));
    }

    /// <summary>The newest live articles of <paramref name="query"/>, with only the versions needed (one query).</summary>
    public static async Task<List<ArticleSummary>> SummariesAsync(IQueryable<Article> query, string language, int take, CancellationToken ct = default)
    {
        var articles = await query
            .OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id)
            .Take(take)
            .Include(a => a.Versions.Where(v => v.Language == language || v.Language == "en"))
            .AsSplitQuery()
            .ToListAsync(ct);
        return articles.Select(a => Summary(a, language)).OfType<ArticleSummary>().ToList();
    }

    public static ArticleSummary? Summary(Article article, string language)
    {
        ArgumentNullException.ThrowIfNull(article);
        var (version, fallback) = ArticleRules.Pick(article.Versions, language);
        if (version is null)
        {
            return null;
        }
        var (width, height) = LeadImages.SmallSize(article.ImageWidth, article.ImageHeight);
        return new ArticleSummary(article.Id, article.Kind, article.Slug, version.Title, version.Summary, article.PublishAt ?? article.CreatedAt, version.Language, fallback,
            article.ImageSmallFileId, width, height);
    }
}
