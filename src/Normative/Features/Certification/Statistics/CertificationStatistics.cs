using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Normative.Data;

namespace Normative.Features.Certification.Statistics;

/// <summary>
/// Counts in the manner of the ISO Survey: valid certificates per standard, per country and per
/// year. Valid today means Active, issued, before the expiry date and under an accreditation that
/// covers today. For past years, a certificate counts on 31 December of every year from its initial
/// issue up to its expiry, or up to its withdrawal, cancellation or suspension when that came first.
/// The counts come from the tallies that migration 0304's triggers keep (bodies × standards ×
/// countries rows, whatever the number of certificates), so a computation reads those and the
/// handful of Active certificates outside their dates, not the registry; the figures are still kept
/// for ten minutes (Certification:StatisticsMinutes). Two aggregations in SQL through the DbContext; the running sums in C#.
/// </summary>
public static class CertificationStatistics
{
    public sealed record Count(string Standard, string Key, long Value);

    public sealed record Figures(DateOnly Today, IReadOnlyList<Count> ByCountry, IReadOnlyList<Count> ByYear)
    {
        public IReadOnlyList<string> Standards => ByCountry.Select(c => c.Standard).Concat(ByYear.Select(c => c.Standard)).Distinct().Order(StringComparer.Ordinal).ToList();

        /// <summary>Valid certificates today per standard, largest first.</summary>
        public IReadOnlyList<(string Standard, long Value)> ByStandard() =>
            ByCountry.GroupBy(c => c.Standard).Select(g => (g.Key, g.Sum(c => c.Value))).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();

        /// <summary>Valid today per country for one standard (null: all standards, a certificate counted once per standard).</summary>
        public IReadOnlyList<(string Country, long Value)> Countries(string? standard) =>
            ByCountry.Where(c => standard is null || c.Standard == standard).GroupBy(c => c.Key)
                .Select(g => (g.Key, g.Sum(c => c.Value))).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();

        /// <summary>Valid on 31 December of each year, for one standard or all.</summary>
        public IReadOnlyList<(int Year, long Value)> Years(string? standard) =>
            ByYear.Where(c => standard is null || c.Standard == standard).GroupBy(c => int.Parse(c.Key, System.Globalization.CultureInfo.InvariantCulture))
                .Select(g => (g.Key, g.Sum(c => c.Value))).OrderBy(x => x.Key).ToList();
    }

    /// <summary>
    /// One computation at a time in this process: visitors arriving meanwhile wait for it instead of
    /// starting their own. Static because the figures are computed rarely and a wait is short.
    /// </summary>
    private static readonly SemaphoreSlim Computing = new(1, 1);

    /// <summary>The figures for <paramref name="today"/>, from the cache when they are younger than <paramref name="lifetime"/>.</summary>
    public static async Task<Figures> GetAsync(NormativeDb db, IMemoryCache cache, DateOnly today, TimeSpan lifetime, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var key = ("certification-statistics", today);
        if (cache.TryGetValue(key, out Figures? figures))
        {
            return figures!;
        }
        await Computing.WaitAsync(ct);
        try
        {
            if (!cache.TryGetValue(key, out figures))
            {
                figures = await ComputeAsync(db, today, ct);
                cache.Set(key, figures, lifetime);
            }
            return figures!;
        }
        finally
        {
            Computing.Release();
        }
    }

    public static async Task<Figures> ComputeAsync(NormativeDb db, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Valid today = the Active tallies of the (body, standard) pairs whose accreditation covers
        // today, less the Active certificates outside their dates: those not yet issued and those
        // past their expiry that the expiry job has not reached. Both are few and found by index.
        var byCountry = await db.Database.SqlQuery<Count>($"""
            WITH covered AS (
                SELECT DISTINCT certification_body_id, standard FROM accreditations
                WHERE status = 'Active' AND valid_from <= {today} AND valid_to >= {today}),
            -- Found once through the two partial indexes (issue date, expiry), not once per accreditation.
            stray AS MATERIALIZED (
                SELECT certification_body_id, organization_id, standards FROM certificates
                WHERE status = 'Active' AND (issue_date > {today} OR expiry_date <= {today})),
            active AS (
                SELECT t.standard, t.country, t.certificates AS n
                FROM active_certificate_tallies t JOIN covered a USING (certification_body_id, standard)),
            outside AS (
                SELECT s.standard, o.country, -1 AS n
                FROM stray c
                CROSS JOIN LATERAL unnest(c.standards) AS s(standard)
                JOIN certified_organizations o ON o.id = c.organization_id
                JOIN covered a ON a.certification_body_id = c.certification_body_id AND a.standard = s.standard)
            SELECT standard AS "Standard", country AS "Key", sum(n)::bigint AS "Value"
            FROM (SELECT * FROM active UNION ALL SELECT * FROM outside) x
            GROUP BY 1, 2 HAVING sum(n) > 0
            """).ToListAsync(ct);

        // Each certificate adds one from the year of its initial issue and takes one away from the year
        // its validity ended; running sums then give the count at the end of each year.
        var changes = (await db.Database.SqlQuery<YearChange>($"""
            SELECT standard AS "Standard", first_year AS "Year", sum(certificates)::bigint AS "Change"
            FROM certificate_span_tallies WHERE end_year > first_year AND certificates > 0 GROUP BY 1, 2
            UNION ALL
            SELECT standard, end_year, -sum(certificates)::bigint FROM certificate_span_tallies WHERE end_year > first_year AND certificates > 0 GROUP BY 1, 2
            """).ToListAsync(ct))
            .GroupBy(c => (c.Standard, c.Year)).ToDictionary(g => g.Key, g => g.Sum(c => c.Change));
        var byYear = new List<Count>();
        foreach (var standard in changes.Keys.Select(k => k.Standard).Distinct())
        {
            var years = changes.Keys.Where(k => k.Standard == standard).Select(k => k.Year).ToList();
            long running = 0;
            for (var year = years.Min(); year < today.Year; year++)
            {
                running += changes.GetValueOrDefault((standard, year));
                byYear.Add(new Count(standard, year.ToString(System.Globalization.CultureInfo.InvariantCulture), running));
            }
        }
        return new Figures(today, byCountry, byYear);
    }

    private sealed record YearChange(string Standard, int Year, long Change);
}
