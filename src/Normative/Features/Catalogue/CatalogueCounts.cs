using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Catalogue;

/// <summary>Counts shown when browsing: standards per ICS code and per committee.</summary>
public static class CatalogueCounts
{
    public sealed record Count(string Key, int Published, int UnderDevelopment);

    /// <summary>Per ICS field (no <paramref name="parent"/>) or per child of <paramref name="parent"/>, supplements left out.</summary>
    public static async Task<Dictionary<string, Count>> ByIcsAsync(NormativeDb db, string? parent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = parent is null
            ? await db.Database.SqlQuery<Count>($"""
                SELECT p AS "Key", count(*) FILTER (WHERE status = 'Published')::int AS "Published", count(*) FILTER (WHERE status = 'UnderDevelopment')::int AS "UnderDevelopment"
                FROM deliverables, unnest(ics_paths) AS p
                WHERE length(p) = 2 AND supplement_of IS NULL
                GROUP BY p
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<Count>($"""
                SELECT p AS "Key", count(*) FILTER (WHERE status = 'Published')::int AS "Published", count(*) FILTER (WHERE status = 'UnderDevelopment')::int AS "UnderDevelopment"
                FROM deliverables, unnest(ics_paths) AS p
                WHERE ics_paths @> ARRAY[{parent}]::text[] AND supplement_of IS NULL AND (p = {parent} OR starts_with(p, {parent + "."}))
                GROUP BY p
                """).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key);
    }

    /// <summary>Per owner committee as the deliverables name it, supplements left out.</summary>
    public static async Task<Dictionary<string, Count>> ByCommitteeAsync(NormativeDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Database.SqlQuery<Count>($"""
            SELECT owner_committee AS "Key", count(*) FILTER (WHERE status = 'Published')::int AS "Published", count(*) FILTER (WHERE status = 'UnderDevelopment')::int AS "UnderDevelopment"
            FROM deliverables WHERE owner_committee IS NOT NULL AND supplement_of IS NULL
            GROUP BY owner_committee
            """).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key);
    }

    /// <summary>A committee's count including its subcommittees'.</summary>
    public static Count WithSubcommittees(string reference, IReadOnlyDictionary<string, Count> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var prefix = reference + "/";
        var published = 0;
        var development = 0;
        foreach (var (key, count) in counts)
        {
            if (key == reference || key.StartsWith(prefix, StringComparison.Ordinal))
            {
                published += count.Published;
                development += count.UnderDevelopment;
            }
        }
        return new Count(reference, published, development);
    }

    /// <summary>Sorts committee references as people read them: ISO/TC 2 before ISO/TC 10, SC 2 before SC 10.</summary>
    public static string NaturalKey(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return System.Text.RegularExpressions.Regex.Replace(reference, @"\d+", m => m.Value.PadLeft(6, '0'));
    }
}
