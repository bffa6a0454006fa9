using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Certification.Registry;

namespace Normative.Features.Certification.Statistics;

/// <summary>/certification/statistics: valid certificates by standard, by country and by year, as charts, tables and CSV.</summary>
public class StatisticsModel(NormativeDb db, IMemoryCache cache, TimeProvider clock, IOptions<CertificationOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "standard")]
    public string? Standard { get; set; }

    public CertificationStatistics.Figures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await CertificationStatistics.GetAsync(db, cache, CertificateRules.Today(clock.GetUtcNow()), options.Value.StatisticsLifetime, ct);
        if (Standard is not null && !Figures.Standards.Contains(Standard))
        {
            Standard = null;
        }
    }

    /// <summary>The CSV of one table, for the standard shown (the table by standard covers them all).</summary>
    public string CsvLink(string name) => CertificationLinks.StatisticsCsv(name, name == "by-standard" ? null : Standard);
}
