using Normative.Data;

namespace Normative.Features.Shared;

/// <summary>A fixed list of pages (a feature's entry pages), as one sitemap source.</summary>
public sealed class StaticSitemapSource(string name, params string[] paths) : ISitemapSource
{
    public string Name => name;

    public Task<int> CountAsync(NormativeDb db, CancellationToken ct) => Task.FromResult(paths.Length);

    public Task<IReadOnlyList<SitemapUrl>> UrlsAsync(NormativeDb db, int skip, int take, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<SitemapUrl>>(paths.Skip(skip).Take(take).Select(p => new SitemapUrl(p)).ToList());
}
