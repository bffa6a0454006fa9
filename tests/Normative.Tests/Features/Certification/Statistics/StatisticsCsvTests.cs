using Normative.Features.Certification.Statistics;
using Normative.Features.Shared;

namespace Normative.Tests.Features.Certification.Statistics;

public class StatisticsCsvTests
{
    private static readonly CertificationStatistics.Figures Figures = new(
        new DateOnly(2025, 6, 1),
        [new("=1+1", "FR", 3), new("ISO 9001:2015", "-1", 2)],
        [new("=1+1", "2024", 5)]);

    private static List<CsvLine> Write(string name, string? standard = null)
    {
        using var file = new MemoryStream();
        StatisticsCsv.Write(file, Figures, name, standard);
        file.Position = 0;
        return Csv.Read(file).ToList();
    }

    [Fact]
    public void TextThatLooksLikeAFormulaIsNeutralisedForSpreadsheets()
    {
        var byStandard = Write("by-standard");
        Assert.Equal(["standard", "valid_certificates"], byStandard[0].Fields);
        Assert.Contains(byStandard, l => l.Fields.SequenceEqual(["'=1+1", "3"]));
        Assert.Contains(Write("by-country"), l => l.Fields.SequenceEqual(["'-1", "all", "2"]));
        Assert.Equal(["2024", "'=1+1", "5"], Write("by-year", "=1+1")[1].Fields);
    }
}
