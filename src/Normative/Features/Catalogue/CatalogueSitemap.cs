using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.Sdgs;
using Normative.Features.Shared;

namespace Normative.Features.Catalogue;

/// <summary>The catalogue's pages in sitemap.xml: its browse pages, every ICS code, committee, sector and Sustainable Development Goal, and every standard.</summary>
public static class CatalogueSitemap
{
    public sealed class Browse : ISitemapSource
    {
        private static readonly string[] Entry = [CatalogueLinks.Standards, CatalogueLinks.Search(), CatalogueLinks.Sectors, CatalogueLinks.IcsTree, CatalogueLinks.Committees, CatalogueLinks.Sdgs];

        public string Name => "catalogue";

        public async Task<int> CountAsync(NormativeDb db, CancellationToken ct) =>
            Entry.Length + Sector.All.Count + Sdg.All.Count + await db.IcsCodes.CountAsync(ct) + await db.Committees.CountAsync(ct);

        public async Task<IReadOnlyList<SitemapUrl>> UrlsAsync(NormativeDb db, int skip, int take, CancellationToken ct)
        {
            // A few thousand rows at most (ICS codes and committees): one file.
            var paths = new List<string>(Entry);
            paths.AddRange(Sector.All.Select(s => CatalogueLinks.Sector(s.Slug)));
            paths.AddRange(Sdg.All.Select(g => CatalogueLinks.Sdg(g.Number)));
            paths.AddRange((await db.IcsCodes.AsNoTracking().OrderBy(i => i.Code).Select(i => i.Code).ToListAsync(ct)).Select(CatalogueLinks.Ics));
            paths.AddRange((await db.Committees.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Slug).ToListAsync(ct)).Select(CatalogueLinks.Committee));
            return paths.Skip(skip).Take(take).Select(p => new SitemapUrl(p)).ToList();
        }
    }

    public sealed class Standards : ISitemapSource
    {
        public string Name => "standards";

        public Task<int> CountAsync(NormativeDb db, CancellationToken ct) =>
            db.Deliverables.CountAsync(d => d.Status != DeliverableStatus.Deleted, ct);

        public async Task<IReadOnlyList<SitemapUrl>> UrlsAsync(NormativeDb db, int skip, int take, CancellationToken ct) =>
            (await db.Deliverables.AsNoTracking().Where(d => d.Status != DeliverableStatus.Deleted).OrderBy(d => d.Id)
                .Skip(skip).Take(take).Select(d => new { d.Id, d.PublicationDate }).ToListAsync(ct))
            .Select(r => new SitemapUrl(CatalogueLinks.Standard(r.Id), r.PublicationDate)).ToList();
    }
}
