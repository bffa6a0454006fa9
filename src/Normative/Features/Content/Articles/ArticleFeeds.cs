using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Content.Articles;

/// <summary>Atom feeds of news and of insights, each entry in the reader's language or English.</summary>
public static class ArticleFeeds
{
    public const int FeedSize = 30;
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static IEndpointRouteBuilder MapArticleFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("").ExcludeFromDescription().AllowAnonymous().CacheOutput(ContentCachePolicy.Name);
        feeds.MapGet("/news/feed.atom", (HttpContext context, NormativeDb db, TimeProvider clock, CancellationToken ct) =>
            WriteAsync(context, db, clock, ArticleKind.News, ContentLinks.NewsFeed, ContentLinks.News, ct));
        feeds.MapGet("/insights/feed.atom", (HttpContext context, NormativeDb db, TimeProvider clock, CancellationToken ct) =>
            WriteAsync(context, db, clock, ArticleKind.Insight, ContentLinks.InsightsFeed, ContentLinks.Insights, ct));
        return app;
    }

    private static async Task WriteAsync(HttpContext context, NormativeDb db, TimeProvider clock, ArticleKind kind, string self, string page, CancellationToken ct)
    {
        var entries = await ArticleQueries.SummariesAsync(ArticleQueries.Live(db, clock.GetUtcNow()).Where(a => a.Kind == kind), Cultures.Current, FeedSize, ct);
        var organization = context.RequestServices.GetRequiredService<IOptions<OrganizationOptions>>().Value.Name;
        var title = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<ContentText>>()[kind == ArticleKind.News ? "Articles.News.Title" : "Articles.Insights.Title"];
        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        await using var xml = XmlWriter.Create(context.Response.Body, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true });
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "feed", Atom);
        await xml.WriteAttributeStringAsync("xml", "lang", null, Cultures.Current);
        await xml.WriteElementStringAsync(null, "id", Atom, SiteLinks.Absolute(context, self));
        await xml.WriteElementStringAsync(null, "title", Atom, $"{organization}: {title}");
        var updated = entries.Count == 0 ? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) : entries.Max(e => e.Published);
        await xml.WriteElementStringAsync(null, "updated", Atom, Timestamp(updated));
        await LinkAsync(xml, "self", SiteLinks.Absolute(context, self), "application/atom+xml");
        await LinkAsync(xml, "alternate", SiteLinks.Absolute(context, page), "text/html");
        await xml.WriteStartElementAsync(null, "author", Atom);
        await xml.WriteElementStringAsync(null, "name", Atom, organization);
        await xml.WriteEndElementAsync();
        foreach (var entry in entries)
        {
            var url = SiteLinks.Absolute(context, ContentLinks.Article(entry.Slug));
            await xml.WriteStartElementAsync(null, "entry", Atom);
            if (entry.Fallback)
            {
                await xml.WriteAttributeStringAsync("xml", "lang", null, entry.Language);
            }
            await xml.WriteElementStringAsync(null, "id", Atom, url);
            await xml.WriteElementStringAsync(null, "title", Atom, entry.Title);
            await xml.WriteElementStringAsync(null, "updated", Atom, Timestamp(entry.Published));
            await xml.WriteElementStringAsync(null, "published", Atom, Timestamp(entry.Published));
            await LinkAsync(xml, "alternate", url, "text/html");
            await xml.WriteElementStringAsync(null, "summary", Atom, entry.Summary);
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    private static async Task LinkAsync(XmlWriter xml, string rel, string href, string type)
    {
        await xml.WriteStartElementAsync(null, "link", Atom);
        await xml.WriteAttributeStringAsync(null, "rel", null, rel);
        await xml.WriteAttributeStringAsync(null, "type", null, type);
        await xml.WriteAttributeStringAsync(null, "href", null, href);
        await xml.WriteEndElementAsync();
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
