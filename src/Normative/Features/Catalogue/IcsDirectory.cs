using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Catalogue;

/// <summary>
/// Every ICS code with its titles (about 1,400 rows that only an import changes), held in memory for
/// as long as the catalogue's version stays the same, so that a standard page and a search name
/// their fields without a round trip of their own (issue #17). Any change to ics_codes raises the
/// version (0100), so the first reader after it loads them again, on every node within a version
/// poll; while the version is unknown each reader loads them.
/// </summary>
public sealed class IcsDirectory(CatalogueVersion version)
{
    private sealed record Held(long Version, FrozenDictionary<string, IcsCode> Codes);

    private Held? _held;

    public async Task<FrozenDictionary<string, IcsCode>> GetAsync(NormativeDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Read before loading: what is loaded is at least as new as the version it is kept under.
        var current = version.Current;
        if (Volatile.Read(ref _held) is { } held && held.Version == current && current > 0)
        {
            return held.Codes;
        }
        var codes = (await db.IcsCodes.AsNoTracking().ToListAsync(ct)).ToFrozenDictionary(i => i.Code, StringComparer.Ordinal);
        if (current > 0)
        {
            Volatile.Write(ref _held, new Held(current, codes));
        }
        return codes;
    }
}
