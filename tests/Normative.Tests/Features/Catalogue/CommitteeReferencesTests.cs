using Normative.Features.Catalogue;

namespace Normative.Tests.Features.Catalogue;

public class CommitteeReferencesTests
{
    [Theory]
    [InlineData("ISO/TC 176/SC 2", "ISO/TC 176")]
    [InlineData("ISO/IEC JTC 1/SC 27", "ISO/IEC JTC 1")]
    [InlineData("ISO/TC 176/SC 2/WG 24", "ISO/TC 176/SC 2")]
    [InlineData("ISO/TC 176", null)]
    [InlineData("ISO/IEC JTC 1", null)]
    [InlineData("ISO/CASCO", null)]
    [InlineData("", null)]
    public void ParentIsTheCommitteeOneLevelUp(string reference, string? parent) =>
        Assert.Equal(parent, CommitteeReferences.ParentOf(reference));

    [Fact]
    public void TopIsTheTechnicalCommittee() =>
        Assert.Equal("ISO/TC 176", CommitteeReferences.TopOf("ISO/TC 176/SC 2/WG 24"));
}
