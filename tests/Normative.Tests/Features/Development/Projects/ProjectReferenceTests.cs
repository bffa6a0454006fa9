using Normative.Features.Development.Projects;

namespace Normative.Tests.Features.Development.Projects;

public class ProjectReferenceTests
{
    [Theory]
    [InlineData("ISO/NP 9001", "ISO 9001")]
    [InlineData("iso 9001:2015", "ISO 9001")]
    [InlineData("ISO/IEC DIS 27001", "ISO/IEC 27001")]
    [InlineData("ISO/DTS 23016-1", "ISO/TS 23016-1")]
    [InlineData("ISO 9001:2015/Amd 1", "ISO 9001:2015/Amd 1")]
    [InlineData("iso 9001:2015/damd 2", "ISO 9001:2015/Amd 2")]
    [InlineData("ISO 1436:2009/Cor 1:2010", "ISO 1436:2009/Cor 1")]
    public void ReferencesAreStoredWithoutStageOrYear(string typed, string stored)
    {
        Assert.True(ProjectReference.TryNormalize(typed, out var reference, out var error, out _), error);
        Assert.Equal(stored, reference.ToString());
    }

    [Theory]
    [InlineData("not a reference", "Error.Project.Reference")]
    [InlineData("ISO/IEC Guide 71", "Error.Project.Type")]
    [InlineData("ISO 9001/Amd 1", "Error.Project.SupplementBase")]
    [InlineData("ISO 9001:2015/Add 1", "Error.Project.Supplement")]
    public void UnusableReferencesAreRefused(string typed, string error)
    {
        Assert.False(ProjectReference.TryNormalize(typed, out _, out var key, out _));
        Assert.Equal(error, key);
    }

    [Theory]
    [InlineData("ISO 9001", 1020, "ISO/NP 9001")]
    [InlineData("ISO 9001", 2000, "ISO/AWI 9001")]
    [InlineData("ISO 9001", 3020, "ISO/CD 9001")]
    [InlineData("ISO 9001", 4020, "ISO/DIS 9001")]
    [InlineData("ISO/IEC 27001", 5020, "ISO/IEC FDIS 27001")]
    [InlineData("ISO/TS 9002", 4020, "ISO/DTS 9002")]
    [InlineData("ISO 9001", 6000, "ISO/PRF 9001")]
    [InlineData("ISO 9001:2015/Amd 1", 4020, "ISO 9001:2015/DAmd 1")]
    public void ReferenceCarriesTheStageAbbreviation(string stored, int stage, string shown) =>
        Assert.Equal(shown, ProjectReference.AtStage(stored, stage));

    [Fact]
    public void PublishedReferenceCarriesTheYear()
    {
        Assert.Equal("ISO 9001:2026", ProjectReference.AtStage("ISO 9001", 6060, 2026));
        Assert.Equal("ISO 9001:2015/Amd 1:2026", ProjectReference.AtStage("ISO 9001:2015/Amd 1", 6060, 2026));
    }

    [Fact]
    public void SupplementNamesTheStandardItAmends()
    {
        Assert.True(ProjectReference.TryNormalize("ISO 9001:2015/Amd 1", out var reference, out _, out _));
        Assert.Equal("ISO 9001:2015", ProjectReference.BaseOf(reference));
    }
}
