using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace Normative.Features.Catalogue;

/// <summary>
/// The output cache's store, which refuses a catalogue page computed under a version that has moved
/// since. <see cref="CatalogueCachePolicy"/> checks the version when the response starts, but the page
/// is stored only once its body has been written: if the watcher moved the version and evicted the
/// page's tags in between, the page read before the change would be stored after its eviction and
/// served for the entry's whole lifetime. The policy tags each page with the version it started
/// under (<see cref="VersionTag"/>); here that version is compared with the current one at the moment
/// of storing, under the same lock as every eviction, and the tag is dropped before the entry is kept.
/// </summary>
/// <param name="inner">The store that keeps the entries.</param>
/// <param name="currentVersion">The catalogue's version as this instance knows it (<see cref="CatalogueVersion.Current"/>).</param>
public sealed class CatalogueCacheStore(IOutputCacheStore inner, Func<long> currentVersion) : IOutputCacheBufferStore
{
    private const string VersionTagPrefix = "catalogue-version:";

    // One store or eviction at a time: a version check and the store it allows are never split by an eviction.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The tag that says which catalogue version a page was computed under.</summary>
    public static string VersionTag(long version) => VersionTagPrefix + version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Replaces the store the output cache registered with this one around it.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IOutputCacheStore))
            ?? throw new InvalidOperationException("AddOutputCache must come before the catalogue's store.");
        services.Remove(registered);
        services.AddSingleton<IOutputCacheStore>(sp =>
        {
            // CatalogueVersion evicts through this store, so it is looked up once the first page is stored.
            var version = new Lazy<CatalogueVersion>(sp.GetRequiredService<CatalogueVersion>);
            return new CatalogueCacheStore(Create(registered, sp), () => version.Value.Current);
        });
    }

    private static IOutputCacheStore Create(ServiceDescriptor d, IServiceProvider sp) =>
        (IOutputCacheStore)(d.ImplementationInstance ?? d.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!));

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken) =>
        inner is IOutputCacheBufferStore buffered ? buffered.TryGetAsync(key, destination, cancellationToken) : CopyAsync(key, destination, cancellationToken);

    private async ValueTask<bool> CopyAsync(string key, PipeWriter destination, CancellationToken ct)
    {
        if (await inner.GetAsync(key, ct) is not { } bytes)
        {
            return false;
        }
        await destination.WriteAsync(bytes, ct);
        return true;
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        StoreAsync(tags ?? [], kept => inner.SetAsync(key, value, kept, validFor, cancellationToken), cancellationToken);

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        StoreAsync(tags.ToArray(), kept => inner is IOutputCacheBufferStore buffered
            ? buffered.SetAsync(key, value, kept, validFor, cancellationToken)
            : inner.SetAsync(key, value.ToArray(), kept, validFor, cancellationToken), cancellationToken);

    private async ValueTask StoreAsync(string[] tags, Func<string[], ValueTask> store, CancellationToken ct)
    {
        var at = Array.FindIndex(tags, t => t.StartsWith(VersionTagPrefix, StringComparison.Ordinal));
        if (at < 0)
        {
            await store(tags);
            return;
        }
        var computedUnder = long.Parse(tags[at].AsSpan(VersionTagPrefix.Length), CultureInfo.InvariantCulture);
        string[] kept = [.. tags[..at], .. tags[(at + 1)..]];
        await _gate.WaitAsync(ct);
        try
        {
            if (currentVersion() == computedUnder)
            {
                await store(kept);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
