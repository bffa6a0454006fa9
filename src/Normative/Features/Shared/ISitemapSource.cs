using Normative.Data;

namespace Normative.Features.Shared;

/// <summary>
/// A feature's public pages for sitemap.xml. Each source gets files of its own
/// (/sitemap-{Name}-{n}.xml), at most <see cref="Sitemap.FileSize"/> addresses each.
/// </summary>
public interface ISitemapSource
{
    /// <summary>The file name's part: lower-case letters and hyphens ("standards").</summary>
    string Name { get; }

    Task<int> CountAsync(NormativeDb db, CancellationToken ct);

    /// <summary>Site-relative paths, in a stable order, from <paramref name="skip"/> on.</summary>
    Task<IReadOnlyList<SitemapUrl>> UrlsAsync(NormativeDb db, int skip, int take, CancellationToken ct);
}
