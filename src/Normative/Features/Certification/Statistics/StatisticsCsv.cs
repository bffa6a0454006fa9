using Normative.Features.Shared;

namespace Normative.Features.Certification.Statistics;

/// <summary>The statistics as CSV files for a spreadsheet: text that starts like a formula is neutralised, counts are numbers.</summary>
public static class StatisticsCsv
{
    public static readonly IReadOnlyList<string> Names = ["by-standard", "by-country", "by-year"];

    /// <summary>Writes the table <paramref name="name"/> (one of <see cref="Names"/>), for one standard or all (by country and by year).</summary>
    public static void Write(Stream stream, CertificationStatistics.Figures figures, string name, string? standard)
    {
        ArgumentNullException.ThrowIfNull(figures);
        using var csv = Csv.ForSpreadsheet(stream, leaveOpen: true);
        var scope = standard ?? "all";
        switch (name)
        {
            case "by-standard":
                csv.WriteRecord(["standard", "valid_certificates"]);
                foreach (var (s, value) in figures.ByStandard())
                {
                    csv.WriteField(s);
                    csv.WriteField(value);
                    csv.EndRecord();
                }
                break;
            case "by-country":
                csv.WriteRecord(["country", "standard", "valid_certificates"]);
                foreach (var (country, value) in figures.Countries(standard))
                {
                    csv.WriteField(country);
                    csv.WriteField(scope);
                    csv.WriteField(value);
                    csv.EndRecord();
                }
                break;
            case "by-year":
                csv.WriteRecord(["year", "standard", "valid_certificates_on_31_december"]);
                foreach (var (year, value) in figures.Years(standard))
                {
                    csv.WriteField(year);
                    csv.WriteField(scope);
                    csv.WriteField(value);
                    csv.EndRecord();
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Not a statistics table.");
        }
    }
}
