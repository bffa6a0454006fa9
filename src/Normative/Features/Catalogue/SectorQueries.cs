using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Catalogue;

/// <summary>
/// Queries shared by the catalogue's pages and feeds: on ICS codes written so the GIN index on
/// ics_paths answers them (LINQ's Contains becomes "= ANY", which it cannot), and on committees
/// with their subcommittees.
/// </summary>
public static class SectorQueries
{
    /// <summary>Deliverables of a committee and of its subcommittees (ISO/TC 176 includes ISO/TC 176/SC 2).</summary>
    public static IQueryable<Deliverable> OwnedBy(IQueryable<Deliverable> deliverables, string reference)
    {
        ArgumentNullException.ThrowIfNull(deliverables);
        var prefix = SqlLike.StartsWith(reference + "/");
        return deliverables.Where(d => d.OwnerCommittee == reference || EF.Functions.Like(d.OwnerCommittee!, prefix));
    }

    /// <summary>Deliverables classified under <paramref name="code"/> (a field, group or sub-group).</summary>
    public static IQueryable<Deliverable> UnderIcs(NormativeDb db, string code)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Deliverables.FromSql($"SELECT * FROM deliverables WHERE ics_paths @> ARRAY[{code}]::text[]").AsNoTracking();
    }

    /// <summary>The standards of a sector: an ICS code under one of its codes, or a committee that is (or is under) one of its committees.</summary>
    public static IQueryable<Deliverable> PublishedIn(NormativeDb db, SectorMapping sector)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sector);
        var codes = sector.IcsCodes.ToArray();
        var committees = sector.Committees.ToArray();
        var prefixes = sector.Committees.Select(c => SqlLike.StartsWith(c + "/")).ToArray();
        return db.Deliverables.FromSql($"""
            SELECT * FROM deliverables
            WHERE status = 'Published' AND supplement_of IS NULL
              AND (ics_paths && {codes} OR owner_committee = ANY({committees}) OR owner_committee LIKE ANY({prefixes}))
            """).AsNoTracking();
    }

    /// <summary>How many published standards each sector has (slug → count), in one statement for every sector.</summary>
    public static async Task<Dictionary<string, int>> PublishedCountsAsync(NormativeDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Database.SqlQuery<SectorCount>($"""
            SELECT m.slug AS "Slug",
                (SELECT count(*)::int FROM deliverables d
                 WHERE d.status = 'Published' AND d.supplement_of IS NULL
                   AND (d.ics_paths && m.ics_codes OR d.owner_committee = ANY(m.committees)
                        OR d.owner_committee LIKE ANY(ARRAY(
                            SELECT replace(replace(replace(c, '\', '\\'), '%', '\%'), '_', '\_') || '/%' FROM unnest(m.committees) c)))) AS "Published"
            FROM sector_mappings m
            """).ToListAsync(ct);
        return rows.ToDictionary(r => r.Slug, r => r.Published);
    }

    private sealed record SectorCount(string Slug, int Published);
}
