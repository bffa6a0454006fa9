using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Storage;

namespace Normative.Features.Development.Documents;

/// <summary>
/// The register's non-page addresses on the site: a document's file (for whoever may read it; 403
/// for others signed in, 404 for anonymous visitors) and the Atom feed of the committee's public
/// documents (only those, whoever asks, so a feed reader never leaks a closed document).
/// </summary>
public static class DocumentFiles
{
    public const int FeedSize = 50;

    public static IEndpointRouteBuilder MapDocumentFiles(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("/committees/{slug}").ExcludeFromDescription();
        site.MapGet("/documents/{number:int}/file", FileAsync);
        site.MapGet("/documents.atom", FeedAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> FileAsync(string slug, int number, HttpContext context, NormativeDb db, IFileStore files, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
        var document = committee is null ? null : await db.CommitteeDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.CommitteeId == committee.Id && d.Number == number, ct);
        if (committee is null || document is null)
        {
            return Results.NotFound();
        }
        var reader = await DocumentAccess.ReaderAsync(db, context.User, committee, ct);
        return DocumentAccess.CanRead(reader, document)
            ? await DocumentDownload.ResultAsync(context, db, files, document, ct)
            : Results.StatusCode(DocumentAccess.RefusalStatus(reader));
    }

    private static async Task FeedAsync(string slug, HttpContext context, NormativeDb db, IOptions<OrganizationOptions> options, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (committee is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var list = await db.CommitteeDocuments.AsNoTracking().Where(d => d.CommitteeId == committee.Id && d.Audience == DocumentAudience.Public)
            .OrderByDescending(d => d.Number).Take(FeedSize).ToListAsync(ct);
        var organization = options.Value.Name;
        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        await using var xml = XmlWriter.Create(context.Response.Body, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true });
        const string atom = "http://www.w3.org/2005/Atom";
        var self = SiteLinks.Absolute(context, DocumentLinks.Feed(slug));
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "feed", atom);
        await xml.WriteElementStringAsync(null, "id", atom, self);
        await xml.WriteElementStringAsync(null, "title", atom, $"{organization}: documents of {committee.Reference}");
        var updated = list.Count == 0 ? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) : list.Max(d => d.UploadedAt);
        await xml.WriteElementStringAsync(null, "updated", atom, Timestamp(updated));
        await WriteLinkAsync(xml, "self", self, "application/atom+xml");
        await WriteLinkAsync(xml, "alternate", SiteLinks.Absolute(context, DocumentLinks.Register(slug)), "text/html");
        await xml.WriteStartElementAsync(null, "author", atom);
        await xml.WriteElementStringAsync(null, "name", atom, organization);
        await xml.WriteEndElementAsync();
        foreach (var d in list)
        {
            var url = SiteLinks.Absolute(context, DocumentLinks.Document(slug, d.Number));
            await xml.WriteStartElementAsync(null, "entry", atom);
            await xml.WriteElementStringAsync(null, "id", atom, url);
            await xml.WriteElementStringAsync(null, "title", atom, $"{CommitteeDocuments.Reference(committee.Reference, d.Number)} — {d.Title}");
            await xml.WriteElementStringAsync(null, "updated", atom, Timestamp(d.UploadedAt));
            await xml.WriteElementStringAsync(null, "published", atom, Timestamp(d.UploadedAt));
            await WriteLinkAsync(xml, "alternate", url, "text/html");
            await WriteLinkAsync(xml, "enclosure", SiteLinks.Absolute(context, DocumentLinks.File(slug, d.Number)), d.ContentType);
            await xml.WriteStartElementAsync(null, "category", atom);
            await xml.WriteAttributeStringAsync(null, "term", null, d.Type.ToString());
            await xml.WriteEndElementAsync();
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

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
