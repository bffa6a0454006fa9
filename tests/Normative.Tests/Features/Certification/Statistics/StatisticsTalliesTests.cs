using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Certification.Registry;
using Normative.Features.Certification.Statistics;

namespace Normative.Tests.Features.Certification.Statistics;

/// <summary>
/// The statistics read tallies that triggers keep. Whatever happens to the registry (imports, updates
/// that move a certificate to another standard or country, status changes, expiry, an accreditation
/// suspended, a deletion) they must give exactly the figures of a full count of the certificates,
/// which is what the statistics computed before the tallies existed. The class has its own database,
/// so the full count sees only this test's rows.
/// </summary>
public class StatisticsTalliesTests(CertificationFactory factory) : IClassFixture<CertificationFactory>
{
    private const string Quality = "ISO 9001:2015";
    private const string Environment = "ISO 14001:2015";
    private const string Safety = "ISO 45001:2018";
    private const string Security = "ISO/IEC 27001:2022";

    private static readonly DateOnly Today = RegistryWorld.Today;

    /// <summary>The figures as ComputeAsync computed them before the tallies: two scans of the whole registry.</summary>
    private static async Task<CertificationStatistics.Figures> FullCountAsync(NormativeDb db, DateOnly today)
    {
        var byCountry = await db.Database.SqlQuery<CertificationStatistics.Count>($"""
            SELECT s.standard AS "Standard", o.country AS "Key", count(*) AS "Value"
            FROM certificates c
            CROSS JOIN LATERAL unnest(c.standards) AS s(standard)
            JOIN certified_organizations o ON o.id = c.organization_id
            WHERE c.status = 'Active' AND c.issue_date <= {today} AND c.expiry_date > {today}
              AND EXISTS (SELECT 1 FROM accreditations a
                          WHERE a.certification_body_id = c.certification_body_id AND a.standard = s.standard
                            AND a.status = 'Active' AND a.valid_from <= {today} AND a.valid_to >= {today})
            GROUP BY 1, 2
            """).ToListAsync();
        var changes = (await db.Database.SqlQuery<YearChange>($"""
            WITH spans AS (
                SELECT s.standard, extract(year FROM c.initial_issue_date)::int AS first_year,
                       extract(year FROM CASE WHEN c.status IN ('Withdrawn', 'Cancelled', 'Suspended')
                                              THEN least(c.expiry_date, coalesce(c.status_changed_at::date, c.issue_date))
                                              ELSE c.expiry_date END)::int AS end_year
                FROM certificates c CROSS JOIN LATERAL unnest(c.standards) AS s(standard))
            SELECT standard AS "Standard", first_year AS "Year", count(*) AS "Change" FROM spans WHERE end_year > first_year GROUP BY 1, 2
            UNION ALL
            SELECT standard, end_year, -count(*) FROM spans WHERE end_year > first_year GROUP BY 1, 2
            """).ToListAsync())
            .GroupBy(c => (c.Standard, c.Year)).ToDictionary(g => g.Key, g => g.Sum(c => c.Change));
        var byYear = new List<CertificationStatistics.Count>();
        foreach (var standard in changes.Keys.Select(k => k.Standard).Distinct())
        {
            var years = changes.Keys.Where(k => k.Standard == standard).Select(k => k.Year).ToList();
            long running = 0;
            for (var year = years.Min(); year < today.Year; year++)
            {
                running += changes.GetValueOrDefault((standard, year));
                byYear.Add(new CertificationStatistics.Count(standard, year.ToString(CultureInfo.InvariantCulture), running));
            }
        }
        return new CertificationStatistics.Figures(today, byCountry, byYear);
    }

    private sealed record YearChange(string Standard, int Year, long Change);

    private static List<string> Lines(IEnumerable<CertificationStatistics.Count> counts) =>
        counts.Select(c => $"{c.Standard} {c.Key} {c.Value}").Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The tallied figures equal the full count today, on a day when many certificates have passed
    /// their expiry unseen by the expiry job, and on a day before some were issued.
    /// </summary>
    private async Task<CertificationStatistics.Figures> AssertTalliesEqualFullCountAsync()
    {
        CertificationStatistics.Figures? now = null;
        foreach (var day in new[] { Today, Today.AddDays(400), Today.AddDays(-200) })
        {
            var (tallied, counted) = await factory.WithDbAsync(async db => (await CertificationStatistics.ComputeAsync(db, day), await FullCountAsync(db, day)));
            Assert.Equal(Lines(counted.ByCountry), Lines(tallied.ByCountry));
            Assert.Equal(Lines(counted.ByYear), Lines(tallied.ByYear));
            now ??= tallied;
        }
        return now!;
    }

    /// <summary>A certificate written through EF, in a state an upload refuses (expired but still Active, issued tomorrow).</summary>
    private Task<long> WriteAsync(CertificationBody body, string number, string country, string[] standards, DateOnly issue, DateOnly expiry,
        CertificateStatus status = CertificateStatus.Active, DateTimeOffset? statusChangedAt = null) =>
        factory.WithDbAsync(async db =>
        {
            var organization = new CertifiedOrganization { Name = "Written " + number, Country = country };
            db.CertifiedOrganizations.Add(organization);
            await db.SaveChangesAsync();
            var certificate = new Certificate
            {
                CertificationBodyId = body.Id, Number = number, OrganizationId = organization.Id, Standards = [.. standards], Scope = "Widgets",
                InitialIssueDate = issue.AddYears(-3), IssueDate = issue, ExpiryDate = expiry, Status = status, StatusChangedAt = statusChangedAt,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Certificates.Add(certificate);
            await db.SaveChangesAsync();
            return certificate.Id;
        });

    [Fact]
    public async Task TalliedFiguresEqualAFullCountThroughImportsStatusChangesExpiryAndDeletion()
    {
        var a = await factory.CreateBodyAsync(Quality, Environment, Safety);
        var b = await factory.CreateBodyAsync(Quality, Security);
        await factory.WithDbAsync(async db =>
        {
            // B's 27001 accreditation is suspended: its certificates are registered but not valid.
            var security = await db.Accreditations.SingleAsync(x => x.CertificationBodyId == b.Id && x.Standard == Security);
            security.Status = AccreditationStatus.Suspended;
            return await db.SaveChangesAsync();
        });
        var y = Today.Year;
        var loaded = await factory.ImportAsync(RegistryWorld.Csv(
            RegistryWorld.Row("T-1", a.Code, "Alpha SA", "FR", Quality, initial: new DateOnly(y - 6, 3, 1), issue: Today.AddMonths(-4)),
            RegistryWorld.Row("T-2", a.Code, "Alpha SA", "FR", $"{Quality};{Environment}", issue: new DateOnly(y - 1, 6, 1)),
            RegistryWorld.Row("T-3", a.Code, "Beta KK", "JP", Environment, issue: new DateOnly(y - 2, 2, 1)),
            RegistryWorld.Row("T-4", a.Code, "Beta KK", "JP", Safety, issue: new DateOnly(y - 1, 9, 1)),
            RegistryWorld.Row("T-5", a.Code, "Gamma GmbH", "DE", $"{Quality};{Safety}", status: "Suspended"),
            RegistryWorld.Row("T-6", a.Code, "Gamma GmbH", "DE", Quality, issue: new DateOnly(y - 5, 1, 10), expiry: new DateOnly(y - 2, 1, 9), status: "Expired"),
            RegistryWorld.Row("T-7", a.Code, "Delta Ltd", "GB", Environment, issue: new DateOnly(y - 4, 5, 5), status: "Withdrawn"),
            RegistryWorld.Row("T-8", a.Code, "Delta Ltd", "GB", Quality, issue: Today.AddDays(-10), expiry: Today.AddDays(20)),
            RegistryWorld.Row("T-9", b.Code, "Epsilon SpA", "IT", $"{Quality};{Security}", issue: new DateOnly(y - 2, 11, 30)),
            RegistryWorld.Row("T-10", b.Code, "Epsilon SpA", "IT", Security, issue: new DateOnly(y - 1, 12, 31)),
            RegistryWorld.Row("T-11", b.Code, "Alpha SA", "FR", Quality, initial: new DateOnly(y - 9, 7, 7), issue: new DateOnly(y - 3, 7, 7).AddDays(400)),
            RegistryWorld.Row("T-12", b.Code, "Zeta AB", "SE", Quality, issue: new DateOnly(y - 3, 1, 1).AddDays(380), status: "Cancelled")));
        Assert.Equal(12, loaded.Inserted);
        // What the importer refuses but the registry can hold: Active past expiry (before the expiry
        // job's round), issued tomorrow, withdrawn in an earlier year.
        await WriteAsync(a, "W-1", "FR", [Quality, Environment], Today.AddYears(-3).AddDays(2), Today.AddDays(-1));
        await WriteAsync(b, "W-2", "IT", [Quality], Today.AddDays(1), Today.AddYears(3));
        await WriteAsync(a, "W-3", "JP", [Safety], new DateOnly(y - 3, 4, 1), new DateOnly(y, 4, 1), CertificateStatus.Withdrawn, new DateTimeOffset(y - 2, 8, 1, 12, 0, 0, TimeSpan.Zero));

        var before = await AssertTalliesEqualFullCountAsync();
        // T-1, T-2 and T-11 in France; W-1 is past its expiry, so not valid, though still Active.
        Assert.Equal(3, before.Countries(Quality).Single(c => c.Country == "FR").Value);
        Assert.DoesNotContain(before.Countries(Security), c => c.Country == "IT");

        // An upload that moves T-3 to another standard, T-4 to another country (a new organization)
        // and changes statuses; then a single status change, an expiry round and an organization moved.
        var updated = await factory.ImportAsync(RegistryWorld.Csv(
            RegistryWorld.Row("T-3", a.Code, "Beta KK", "JP", $"{Environment};{Quality}", issue: new DateOnly(y - 2, 2, 1)),
            RegistryWorld.Row("T-4", a.Code, "Beta Korea", "KR", Safety, issue: new DateOnly(y - 1, 9, 1)),
            RegistryWorld.Row("T-5", a.Code, "Gamma GmbH", "DE", $"{Quality};{Safety}", status: "Active"),
            RegistryWorld.Row("T-2", a.Code, "Alpha SA", "FR", $"{Quality};{Environment}", issue: new DateOnly(y - 1, 6, 1), status: "Withdrawn"),
            RegistryWorld.Row("T-9", b.Code, "Epsilon SpA", "IT", $"{Quality};{Security}", issue: new DateOnly(y - 2, 11, 30), status: "Suspended")));
        Assert.Equal(5, updated.Updated);
        var (outcome, _) = await factory.WithDbAsync(db => CertificateStatusChange.ApplyAsync(db, a.Id, "T-1", CertificateStatus.Suspended, "Audit missed", "test", DateTimeOffset.UtcNow));
        Assert.Equal(StatusChangeOutcome.Changed, outcome);
        Assert.True(await factory.WithDbAsync(db => CertificateExpiry.RunOnceAsync(db, DateTimeOffset.UtcNow)) >= 1);
        await factory.WithDbAsync(db => db.CertifiedOrganizations.Where(o => o.Name == "Epsilon SpA").ExecuteUpdateAsync(s => s.SetProperty(o => o.Country, "SM")));
        await factory.WithDbAsync(async db =>
        {
            var accreditation = await db.Accreditations.SingleAsync(x => x.CertificationBodyId == b.Id && x.Standard == Security);
            accreditation.Status = AccreditationStatus.Active;
            return await db.SaveChangesAsync();
        });
        // The registry deletes nothing (history events hold on to certificates), but a database
        // administrator removing a certificate that has none must not leave the tallies wrong.
        Assert.Equal(1, await factory.WithDbAsync(db => db.Certificates.Where(c => c.Number == "T-8").ExecuteDeleteAsync()));

        var after = await AssertTalliesEqualFullCountAsync();
        // France lost T-1 (suspended) and T-2 (withdrawn); T-11 remains.
        Assert.Equal(1, after.Countries(Quality).Single(c => c.Country == "FR").Value);
        Assert.Contains(after.Countries(Safety), c => c.Country == "KR");
        Assert.Contains(after.Countries(Security), c => c.Country == "SM");
        Assert.DoesNotContain(after.Countries(null), c => c.Country == "IT");
    }
}
