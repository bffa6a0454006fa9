using System.Net;
using Normative.Features.Certification.Registry;
using Normative.Features.Certification.Statistics;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Certification.Statistics;

public class StatisticsTests(CertificationFactory factory) : IClassFixture<CertificationFactory>
{
    private Task<CertificationStatistics.Figures> ComputeAsync() =>
        factory.WithDbAsync(db => CertificationStatistics.ComputeAsync(db, RegistryWorld.Today));

    private async Task<CertificationStatistics.Figures> SeedAsync()
    {
        var body = await factory.CreateBodyAsync("ISO 9001:2015", "ISO 14001:2015", "ISO 45001:2018");
        var today = RegistryWorld.Today;
        var lastYear = new DateOnly(today.Year - 1, 6, 1);
        await factory.ImportAsync(RegistryWorld.Csv(
            RegistryWorld.Row("ST-1", body.Code, country: "FR", issue: today.AddMonths(-2), initial: new DateOnly(today.Year - 4, 3, 1)),
            RegistryWorld.Row("ST-2", body.Code, country: "FR", standard: "ISO 9001:2015;ISO 14001:2015", issue: lastYear),
            RegistryWorld.Row("ST-3", body.Code, country: "JP", standard: "ISO 14001:2015", issue: lastYear),
            RegistryWorld.Row("ST-4", body.Code, country: "JP", status: "Suspended"),
            RegistryWorld.Row("ST-5", body.Code, country: "JP", standard: "ISO 45001:2018", issue: lastYear)));
        await factory.WithDbAsync(async db =>
        {
            // The 45001 accreditation is withdrawn: its certificate no longer counts as valid.
            var a = db.Accreditations.Single(x => x.CertificationBodyId == body.Id && x.Standard == "ISO 45001:2018");
            a.Status = AccreditationStatus.Withdrawn;
            return await db.SaveChangesAsync();
        });
        return await ComputeAsync();
    }

    [Fact]
    public async Task CountsValidCertificatesByStandardCountryAndYear()
    {
        var before = await ComputeAsync();
        var after = await SeedAsync();
        long Added<TKey>(Func<CertificationStatistics.Figures, IEnumerable<(TKey, long)>> pick, TKey key) where TKey : notnull =>
            pick(after).Where(x => x.Item1.Equals(key)).Sum(x => x.Item2) - pick(before).Where(x => x.Item1.Equals(key)).Sum(x => x.Item2);

        Assert.Equal(2, Added(f => f.ByStandard(), "ISO 9001:2015"));
        Assert.Equal(2, Added(f => f.ByStandard(), "ISO 14001:2015"));
        // The 45001 certificate's accreditation is withdrawn, the suspended one does not count either.
        Assert.Equal(0, Added(f => f.ByStandard(), "ISO 45001:2018"));
        Assert.Equal(3, Added(f => f.Countries(null), "FR"));
        Assert.Equal(1, Added(f => f.Countries(null), "JP"));
        Assert.Equal(1, Added(f => f.Countries("ISO 14001:2015"), "JP"));

        var y = RegistryWorld.Today.Year;
        // ST-1 counts from its initial issue four years ago; ST-2 from last June; ST-4, suspended, never counted at a year's end.
        Assert.Equal(1, Added(f => f.Years("ISO 9001:2015"), y - 4));
        Assert.Equal(1, Added(f => f.Years("ISO 9001:2015"), y - 2));
        Assert.Equal(2, Added(f => f.Years("ISO 9001:2015"), y - 1));
        Assert.DoesNotContain(after.Years(null), x => x.Year == y);
    }

    [Fact]
    public async Task PageDrawsChartsWithTextAlternativesAndOffersCsv()
    {
        await SeedAsync();
        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync("/certification/statistics");
        var charts = page.QuerySelectorAll("svg.chart").ToList();
        Assert.Equal(3, charts.Count);
        Assert.All(charts, c =>
        {
            Assert.Equal("img", c.GetAttribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(c.QuerySelector("title")?.TextContent));
            Assert.False(string.IsNullOrWhiteSpace(c.QuerySelector("desc")?.TextContent));
        });
        Assert.Contains("ISO 9001:2015", page.QuerySelector("section[aria-labelledby=by-standard-title] table")!.TextContent, StringComparison.Ordinal);

        var csv = await client.GetAsync("/certification/statistics/by-country.csv?standard=ISO%2014001:2015");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("country,standard,valid_certificates", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("FR,ISO 14001:2015,", StringComparison.Ordinal));
        Assert.StartsWith("standard,valid_certificates", await client.GetStringAsync("/certification/statistics/by-standard.csv"), StringComparison.Ordinal);
        Assert.StartsWith("year,standard,", await client.GetStringAsync("/certification/statistics/by-year.csv"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/certification/statistics/by-colour.csv")).StatusCode);

        var french = await client.GetDocumentAsync("/certification/statistics?culture=fr");
        Assert.Contains("Certificats valides par norme", french.QuerySelector("#by-standard-title")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Japon", french.QuerySelector("section[aria-labelledby=by-country-title] table")!.TextContent, StringComparison.Ordinal);
    }
}
