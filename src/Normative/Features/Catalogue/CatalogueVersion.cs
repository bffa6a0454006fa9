using Microsoft.AspNetCore.OutputCaching;
using Normative.Data;
using Normative.Features.Shared;
using Npgsql;

namespace Normative.Features.Catalogue;

/// <summary>
/// The catalogue's version as this instance last read it (catalogue_state.version, which database
/// triggers raise on every change, whoever makes it), and the eviction of what each raise touched.
/// When the version moves, the changes the triggers recorded since the version this instance saw
/// (catalogue_changes) say which deliverables, committees and ICS codes changed, and only the
/// cached pages tagged with them are dropped (<see cref="CatalogueCacheTags"/>); a change that may
/// show anywhere, or a gap in the record, drops them all. So another node's change reaches this
/// node within one poll. Both are read from the server that answers anonymous reads (the read
/// replica when there is one): once a page is dropped, its next copy is read from data at least as
/// new as the change.
/// </summary>
public sealed class CatalogueVersion(NormativeDatabase database, IOutputCacheStore? cache = null)
{
    /// <summary>More changed deliverables than this between two reads (an import) drop everything.</summary>
    private const int MostDeliverables = 1000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _current = -1;
    private long _seen = -1;

    /// <summary>The version, or -1 while it is not known (then nothing is cached).</summary>
    public long Current => Interlocked.Read(ref _current);

    public async Task<long> RefreshAsync(CancellationToken ct = default)
    {
        if (!database.IsStarted)
        {
            return Current;
        }
        // One refresh at a time (the watcher's and an Editor's save), so each change is evicted once and in order.
        await _gate.WaitAsync(ct);
        try
        {
            await using var connection = await database.ReadDataSource.OpenConnectionAsync(ct);
            await using var read = new NpgsqlCommand("SELECT version FROM catalogue_state WHERE id = 1", connection);
            var version = await read.ExecuteScalarAsync(ct) is long v ? v : -1;
            if (version == _seen)
            {
                Interlocked.Exchange(ref _current, version);
                return version;
            }
            var tags = _seen > 0 && version > _seen ? await TagsAsync(connection, _seen, version, ct) : null;
            // The new version before the eviction: a page computed while it was unknown is not stored (CatalogueCachePolicy).
            Interlocked.Exchange(ref _current, version);
            _seen = version;
            if (cache is not null)
            {
                foreach (var tag in tags ?? [CatalogueCachePolicy.Name, Sitemap.CachePolicy])
                {
                    await cache.EvictByTagAsync(tag, ct);
                }
            }
            return version;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forget the version (the database cannot be reached): nothing is served from cache until it is read again.</summary>
    public void Forget() => Interlocked.Exchange(ref _current, -1);

    /// <summary>The tags of the pages showing what changed after <paramref name="from"/> up to <paramref name="to"/>; null for everything.</summary>
    private static async Task<HashSet<string>?> TagsAsync(NpgsqlConnection connection, long from, long to, CancellationToken ct)
    {
        var versions = new HashSet<long>();
        var deliverables = new HashSet<int>();
        var tags = new HashSet<string>(StringComparer.Ordinal) { CatalogueCacheTags.Lists, Sitemap.CachePolicy };
        await using (var cmd = new NpgsqlCommand(
            "SELECT version, deliverable_id, committee, ics_codes FROM catalogue_changes WHERE version > $1 AND version <= $2", connection))
        {
            cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = from });
            cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = to });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                versions.Add(reader.GetInt64(0));
                if (reader.IsDBNull(1))
                {
                    return null;
                }
                var id = reader.GetInt32(1);
                deliverables.Add(id);
                tags.Add(CatalogueCacheTags.Deliverable(id));
                if (!reader.IsDBNull(2))
                {
                    tags.UnionWith(CatalogueCacheTags.CommitteeAndParents(reader.GetString(2)));
                }
                foreach (var code in reader.GetFieldValue<string[]>(3))
                {
                    tags.UnionWith(CatalogueCacheTags.IcsAndParents(code));
                }
            }
        }
        // Each raise leaves rows: a version without any was forgotten (too old), so what it touched is unknown.
        if (versions.Count < to - from || deliverables.Count > MostDeliverables)
        {
            return null;
        }
        // A standard page shows its family (editions, supplements); one that a change brought into the
        // family was not tagged with it when it was cached.
        await using (var family = new NpgsqlCommand("""
            SELECT DISTINCT f.id FROM deliverables me JOIN deliverables f
              ON f.base_key = me.base_key OR f.id = ANY (me.replaces) OR f.id = ANY (me.replaced_by)
              OR f.supplement_of = me.reference OR f.reference = me.supplement_of
            WHERE me.id = ANY ($1)
            """, connection))
        {
            family.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. deliverables] });
            await using var reader = await family.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                tags.Add(CatalogueCacheTags.Deliverable(reader.GetInt32(0)));
            }
        }
        return tags;
    }
}
