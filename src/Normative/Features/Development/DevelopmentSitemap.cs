using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Development;

/// <summary>Standards development's public pages in sitemap.xml: the entry pages, every member body, every committee's members and work programme.</summary>
public sealed class DevelopmentSitemap : ISitemapSource
{
    private static readonly string[] Entry =
        [DevelopmentLinks.TakingPart, DevelopmentLinks.Members, DevelopmentLinks.Home, DevelopmentLinks.Consultations, DevelopmentLinks.Stages];

    public string Name => "development";

    public async Task<int> CountAsync(NormativeDb db, CancellationToken ct) =>
        Entry.Length + await db.MemberBodies.CountAsync(ct) + 2 * await db.Committees.CountAsync(ct);

    public async Task<IReadOnlyList<SitemapUrl>> UrlsAsync(NormativeDb db, int skip, int take, CancellationToken ct)
    {
        var paths = new List<string>(Entry);
        paths.AddRange((await db.MemberBodies.AsNoTracking().OrderBy(m => m.CountryCode).Select(m => m.CountryCode).ToListAsync(ct))
            .Select(DevelopmentLinks.Member));
        foreach (var slug in await db.Committees.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Slug).ToListAsync(ct))
        {
            paths.Add(DevelopmentLinks.CommitteeMembers(slug));
            paths.Add(DevelopmentLinks.WorkProgramme(slug));
        }
        return paths.Skip(skip).Take(take).Select(p => new SitemapUrl(p)).ToList();
    }
}
