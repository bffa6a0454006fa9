using Normative.Data;

namespace Normative.Features.Catalogue;

/// <summary>
/// The catalogue's version as this instance last read it (catalogue_state.version, which database
/// triggers bump on every change, whoever makes it). Cached pages, cached API answers and ETags are
/// keyed by it, so a change anywhere reaches every instance within one poll. It is read from the
/// server that answers anonymous reads (the read replica when there is one): a page is never
/// older than the version it is cached under, however far the replica lags.
/// </summary>
public sealed class CatalogueVersion(NormativeDatabase database)
{
    private long _current = -1;

    /// <summary>The version, or -1 while it is not known (then nothing is cached).</summary>
    public long Current => Interlocked.Read(ref _current);

    public async Task<long> RefreshAsync(CancellationToken ct = default)
    {
        if (!database.IsStarted)
        {
            return Current;
        }
        await using var cmd = database.ReadDataSource.CreateCommand("SELECT version FROM catalogue_state WHERE id = 1");
        var version = await cmd.ExecuteScalarAsync(ct) is long v ? v : -1;
        Interlocked.Exchange(ref _current, version);
        return version;
    }

    /// <summary>Forget the version (the database cannot be reached): nothing is served from cache until it is read again.</summary>
    public void Forget() => Interlocked.Exchange(ref _current, -1);
}
