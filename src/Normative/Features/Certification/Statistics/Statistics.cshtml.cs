using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Normative.Features.Certification.Statistics;

/// <summary>/certification/statistics: valid certificates by standard, by country and by year, as charts, tables and CSV.</summary>
public class StatisticsModel(CertificationStatistics statistics) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "standard")]
    public string? Standard { get; set; }

    public CertificationStatistics.Figures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await statistics.GetAsync(ct);
        if (Standard is not null && !Figures.Standards.Contains(Standard))
        {
            Standard = null;
        }
    }

    public string CsvLink(string name) =>
        $"/certification/statistics/{name}.csv" + (Standard is null || name == "by-standard" ? "" : "?standard=" + Uri.EscapeDataString(Standard));
}
