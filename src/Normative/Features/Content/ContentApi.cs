using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Content.Articles;
using Normative.Features.Content.Events;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Content;

/// <summary>/api/v1/news and /api/v1/events: what readers see, for programs. Anonymous, read-only.</summary>
public static class ContentApi
{
    public sealed record ArticleItem(string Slug, string Kind, string Title, string Summary, DateTimeOffset Published, string Language, IReadOnlyList<string> Sectors, string Url);

    public sealed record ArticleResponse(string Slug, string Kind, string Title, string Summary, string Html, DateTimeOffset Published, string Language,
        IReadOnlyList<string> Sectors, IReadOnlyList<string> Standards, IReadOnlyList<string> Committees, bool Archived, string Url);

    public sealed record EventItem(string Slug, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? OnlineUrl,
        IReadOnlyList<string> Sectors, bool Past, string Url);

    public static IEndpointRouteBuilder MapContentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AllowAnonymous().CacheOutput(ContentCachePolicy.Name);
        api.MapGet("/news", ListNewsAsync).WithTags("News").WithName("ListNews")
            .WithSummary("Published news and insights, newest first, each in the requested language or else English.");
        api.MapGet("/news/{slug}", GetArticleAsync).WithTags("News").WithName("GetArticle")
            .WithSummary("One published (or archived) article with its text as sanitized HTML.");
        api.MapGet("/events", ListEventsAsync).WithTags("Events").WithName("ListEvents")
            .WithSummary("Coming events, soonest first; with past=true, past events, latest first.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<ArticleItem>>, ValidationProblem>> ListNewsAsync(
        HttpContext context, NormativeDb db, TimeProvider clock,
        [Description("news or insight; both when absent.")] string? kind,
        [Description("A sector slug such as energy.")] string? sector,
        [Description("en, fr, es or ru; English when absent.")] string? language,
        [Description("From 1 to 100; 20 by default.")] int? limit,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        ArticleKind? parsedKind = kind?.ToLowerInvariant() switch
        {
            null => null,
            "news" => ArticleKind.News,
            "insight" or "insights" => ArticleKind.Insight,
            _ => (ArticleKind?)(-1),
        };
        if (parsedKind == (ArticleKind)(-1))
        {
            errors["kind"] = ["Use news or insight."];
        }
        if (language is not null && !Cultures.IsSupported(language))
        {
            errors["language"] = ["Use en, fr, es or ru."];
        }
        if (limit is < 1 or > 100)
        {
            errors["limit"] = ["Use a number from 1 to 100."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var query = ArticleQueries.Live(db, clock.GetUtcNow());
        if (parsedKind is { } k)
        {
            query = query.Where(a => a.Kind == k);
        }
        if (sector is not null)
        {
            query = query.Where(a => a.Sectors.Contains(sector));
        }
        var lang = language?.ToLowerInvariant() ?? Cultures.Default;
        var rows = await query.OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id).Take(limit ?? 20)
            .Include(a => a.Versions.Where(v => v.Language == lang || v.Language == "en")).AsSplitQuery().ToListAsync(ct);
        IReadOnlyList<ArticleItem> items = rows.Select(a => (Article: a, Summary: ArticleQueries.Summary(a, lang)))
            .Where(x => x.Summary is not null)
            .Select(x => new ArticleItem(x.Article.Slug, Kind(x.Article.Kind), x.Summary!.Title, x.Summary.Summary, x.Summary.Published, x.Summary.Language,
                x.Article.Sectors, SiteLinks.Absolute(context, ContentLinks.Article(x.Article.Slug))))
            .ToList();
        return TypedResults.Ok(items);
    }

    private static async Task<Results<Ok<ArticleResponse>, NotFound, ValidationProblem>> GetArticleAsync(
        string slug, HttpContext context, NormativeDb db, TimeProvider clock,
        [Description("en, fr, es or ru; English when absent.")] string? language, CancellationToken ct)
    {
        if (language is not null && !Cultures.IsSupported(language))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["language"] = ["Use en, fr, es or ru."] });
        }
        var now = clock.GetUtcNow();
        var article = await db.Articles.AsNoTracking().Include(a => a.Versions).FirstOrDefaultAsync(a => a.Slug == slug, ct);
        if (article is null || !(ArticleRules.IsLive(article.Status, article.PublishAt, now) || article.Status == ArticleStatus.Archived))
        {
            return TypedResults.NotFound();
        }
        var (version, _) = ArticleRules.Pick(article.Versions, language?.ToLowerInvariant() ?? Cultures.Default);
        if (version is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(new ArticleResponse(article.Slug, Kind(article.Kind), version.Title, version.Summary, SafeMarkdown.ToHtml(version.Body),
            article.PublishAt ?? article.CreatedAt, version.Language, article.Sectors, article.Standards, article.Committees,
            article.Status == ArticleStatus.Archived, SiteLinks.Absolute(context, ContentLinks.Article(article.Slug))));
    }

    private static async Task<Ok<IReadOnlyList<EventItem>>> ListEventsAsync(
        HttpContext context, NormativeDb db, TimeProvider clock,
        [Description("true for past events (the archive).")] bool? past, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var query = past == true ? EventQueries.Past(db, now) : EventQueries.Upcoming(db, now);
        var rows = await query.AsNoTracking().Take(200).ToListAsync(ct);
        IReadOnlyList<EventItem> items = rows.Select(e => new EventItem(e.Slug, e.Title, e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl, e.Sectors,
            EventRules.IsPast(e.EndsAt, now), SiteLinks.Absolute(context, ContentLinks.Event(e.Slug)))).ToList();
        return TypedResults.Ok(items);
    }

    private static string Kind(ArticleKind kind) => kind == ArticleKind.News ? "news" : "insight";
}
