using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Development.Documents;

/// <summary>The committees' public documents in sitemap.xml, each page dated by its upload; a document for members only is never listed.</summary>
public sealed class DocumentsSitemap : ISitemapSource
{
    public string Name => "documents";

    public Task<int> CountAsync(NormativeDb db, CancellationToken ct) =>
        db.CommitteeDocuments.CountAsync(d => d.Audience == DocumentAudience.Public, ct);

    public async Task<IReadOnlyList<SitemapUrl>> UrlsAsync(NormativeDb db, int skip, int take, CancellationToken ct)
    {
        var rows = await (from d in db.CommitteeDocuments.AsNoTracking()
                          join c in db.Committees on d.CommitteeId equals c.Id
                          where d.Audience == DocumentAudience.Public
                          orderby d.Id
                          select new { c.Slug, d.Number, d.UploadedAt })
            .Skip(skip).Take(take).ToListAsync(ct);
        return rows.Select(r => new SitemapUrl(DocumentLinks.Document(r.Slug, r.Number), DateOnly.FromDateTime(r.UploadedAt.UtcDateTime))).ToList();
    }
}
