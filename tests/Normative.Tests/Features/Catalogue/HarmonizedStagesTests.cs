using Normative.Features.Catalogue;

namespace Normative.Tests.Features.Catalogue;

public class HarmonizedStagesTests
{
    [Theory]
    [InlineData(6060, DeliverableStatus.Published)]
    [InlineData(9093, DeliverableStatus.Published)]
    [InlineData(9092, DeliverableStatus.Published)]
    [InlineData(9592, DeliverableStatus.Published)]
    [InlineData(9599, DeliverableStatus.Withdrawn)]
    [InlineData(6000, DeliverableStatus.UnderDevelopment)]
    [InlineData(4060, DeliverableStatus.UnderDevelopment)]
    [InlineData(0, DeliverableStatus.UnderDevelopment)]
    [InlineData(2098, DeliverableStatus.Deleted)]
    [InlineData(98, DeliverableStatus.Deleted)]
    [InlineData(5098, DeliverableStatus.Deleted)]
    public void StageGivesTheStatusInWords(int stage, DeliverableStatus status) =>
        Assert.Equal(status, HarmonizedStages.StatusOf(stage));

    [Theory]
    [InlineData("60.60", 6060)]
    [InlineData("6060", 6060)]
    [InlineData("00.00", 0)]
    [InlineData("40.2", 4020)]
    [InlineData(" 95.99 ", 9599)]
    [InlineData("60.61", null)]
    [InlineData("7070", null)]
    [InlineData("60.600", null)]
    [InlineData("abc", null)]
    [InlineData("", null)]
    public void StageCodesAreReadInEitherForm(string text, int? expected) =>
        Assert.Equal(expected, HarmonizedStages.Parse(text));

    [Fact]
    public void EveryStageHasItsDottedFormAndAName()
    {
        Assert.Equal("00.00", HarmonizedStages.Format(0));
        Assert.Equal("60.60", HarmonizedStages.Format(6060));
        Assert.Equal(47, HarmonizedStages.All.Count);
        Assert.All(HarmonizedStages.All, s => Assert.Equal(s, HarmonizedStages.Parse(HarmonizedStages.Format(s))));
    }

    [Fact]
    public void DatabaseAndCodeAgreeOnStatus()
    {
        // The generated column in migration 0100 must say what StatusOf says.
        var sql = File.ReadAllText(Path.Combine(RepositoryFolder(), "src", "Normative", "Data", "Migrations", "0100_catalogue_search.sql"));
        Assert.Contains("WHEN current_stage = 9599 THEN 'Withdrawn'", sql, StringComparison.Ordinal);
        Assert.Contains("WHEN current_stage >= 6060 THEN 'Published'", sql, StringComparison.Ordinal);
        Assert.Contains("WHEN current_stage % 100 = 98 THEN 'Deleted'", sql, StringComparison.Ordinal);
    }

    private static string RepositoryFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Normative.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Normative.slnx not found above the test folder.");
    }
}
