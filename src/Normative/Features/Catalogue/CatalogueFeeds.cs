using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Catalogue.OpenData;
using Normative.Features.Shared;

namespace Normative.Features.Catalogue;

/// <summary>
/// Atom feeds of new publications: all, per ICS code, per committee.
/// </summary>
public static class CatalogueFeeds
{
    public const int FeedSize = 50;

    public static IEndpointRouteBuilder MapCatalogueFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("").ExcludeFromDescription().AllowAnonymous().CacheOutput(CatalogueCachePolicy.Name).ReadFromReplica();
        feeds.MapGet("/standards/feed.atom", AllAsync);
        feeds.MapGet("/ics/{code}/feed.atom", ByIcsAsync);
        feeds.MapGet("/committees/{slug}/feed.atom", ByCommitteeAsync);
        return app;
    }

    private static IQueryable<Deliverable> NewPublications(NormativeDb db) =>
        db.Deliverables.AsNoTracking().Where(d => d.Status == DeliverableStatus.Published && d.PublicationDate != null);

    private static Task AllAsync(HttpContext context, NormativeDb db, CancellationToken ct) =>
        WriteFeedAsync(context, CatalogueLinks.Feed, CatalogueLinks.Standards, "New publications", NewPublications(db), ct);

    private static async Task ByIcsAsync(string code, HttpContext context, NormativeDb db, CancellationToken ct)
    {
        var ics = IcsRecord.IsCode(code) ? await db.IcsCodes.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct) : null;
        if (ics is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await WriteFeedAsync(context, CatalogueLinks.IcsFeed(code), CatalogueLinks.Ics(code), $"New publications in ICS {code} {ics.Title}",
            SectorQueries.UnderIcs(db, code).Where(d => d.Status == DeliverableStatus.Published && d.PublicationDate != null), ct);
    }

    private static async Task ByCommitteeAsync(string slug, HttpContext context, NormativeDb db, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (committee is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var reference = committee.Reference;
        await WriteFeedAsync(context, CatalogueLinks.CommitteeFeed(slug), CatalogueLinks.Committee(slug), $"New publications of {reference}",
            SectorQueries.OwnedBy(NewPublications(db), reference), ct);
    }

    private static async Task WriteFeedAsync(HttpContext context, string self, string page, string title, IQueryable<Deliverable> entries, CancellationToken ct)
    {
        if (CatalogueHttpCache.IsNotModified(context))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        var list = await entries.OrderByDescending(d => d.PublicationDate).ThenByDescending(d => d.Id).Take(FeedSize).ToListAsync(ct);
        var organization = context.RequestServices.GetRequiredService<IOptions<OrganizationOptions>>().Value.Name;
        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        await using var xml = XmlWriter.Create(context.Response.Body, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true });
        const string atom = "http://www.w3.org/2005/Atom";
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "feed", atom);
        await xml.WriteElementStringAsync(null, "id", atom, SiteLinks.Absolute(context, self));
        await xml.WriteElementStringAsync(null, "title", atom, $"{organization}: {title}");
        var updated = list.Count == 0 ? new DateOnly(2000, 1, 1) : list.Max(d => d.PublicationDate!.Value);
        await xml.WriteElementStringAsync(null, "updated", atom, Timestamp(updated));
        await WriteLinkAsync(xml, "self", SiteLinks.Absolute(context, self), "application/atom+xml");
        await WriteLinkAsync(xml, "alternate", SiteLinks.Absolute(context, page), "text/html");
        await xml.WriteStartElementAsync(null, "author", atom);
        await xml.WriteElementStringAsync(null, "name", atom, organization);
        await xml.WriteEndElementAsync();
        foreach (var d in list)
        {
            var url = SiteLinks.Absolute(context, CatalogueLinks.Standard(d.Id));
            await xml.WriteStartElementAsync(null, "entry", atom);
            await xml.WriteElementStringAsync(null, "id", atom, url);
            await xml.WriteElementStringAsync(null, "title", atom, $"{d.Reference} — {d.TitleIn("en").Text}");
            await xml.WriteElementStringAsync(null, "updated", atom, Timestamp(d.PublicationDate!.Value));
            await xml.WriteElementStringAsync(null, "published", atom, Timestamp(d.PublicationDate!.Value));
            await WriteLinkAsync(xml, "alternate", url, "text/html");
            foreach (var code in d.IcsCodes)
            {
                await xml.WriteStartElementAsync(null, "category", atom);
                await xml.WriteAttributeStringAsync(null, "term", null, code);
                await xml.WriteAttributeStringAsync(null, "scheme", null, SiteLinks.Absolute(context, CatalogueLinks.IcsTree));
                await xml.WriteEndElementAsync();
            }
            // The feed is written in English; a deliverable published without English speaks its own language.
            var summary = ScopeText.ToPlainText(d.ScopeEn ?? d.ScopeFr);
            await xml.WriteElementStringAsync(null, "summary", atom, summary.Length > 0 ? summary : d.TitleIn("en").Text);
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    private static async Task WriteLinkAsync(XmlWriter xml, string rel, string href, string type)
    {
        await xml.WriteStartElementAsync(null, "link", "http://www.w3.org/2005/Atom");
        await xml.WriteAttributeStringAsync(null, "rel", null, rel);
        await xml.WriteAttributeStringAsync(null, "type", null, type);
        await xml.WriteAttributeStringAsync(null, "href", null, href);
        await xml.WriteEndElementAsync();
    }

    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
}
