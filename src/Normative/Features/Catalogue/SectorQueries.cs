using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Catalogue;

/// <summary>Queries on ICS codes written so the GIN index on ics_paths answers them (LINQ's Contains becomes "= ANY", which it cannot).</summary>
public static class SectorQueries
{
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
        var prefixes = sector.Committees.Select(c => Escape(c) + "/%").ToArray();
        return db.Deliverables.FromSql($"""
            SELECT * FROM deliverables
            WHERE status = 'Published' AND supplement_of IS NULL
              AND (ics_paths && {codes} OR owner_committee = ANY({committees}) OR owner_committee LIKE ANY({prefixes}))
            """).AsNoTracking();
    }

    private static string Escape(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
