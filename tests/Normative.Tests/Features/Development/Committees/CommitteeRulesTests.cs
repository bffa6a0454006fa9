using Normative.Features.Development.Committees;

namespace Normative.Tests.Features.Development.Committees;

public class CommitteeRulesTests
{
    [Theory]
    [InlineData("ISO/TC 176", CommitteeKind.TC)]
    [InlineData("ISO/IEC JTC 1", CommitteeKind.TC)]
    [InlineData("ISO/TC 176/SC 2", CommitteeKind.SC)]
    [InlineData("ISO/IEC JTC 1/SC 27/WG 1", CommitteeKind.WG)]
    [InlineData("ISO/TC 207/AG 3", CommitteeKind.AG)]
    [InlineData("ISO/TC 22/JWG 12", CommitteeKind.JWG)]
    public void TheKindComesFromTheReferencesLastPart(string reference, CommitteeKind kind) =>
        Assert.Equal(kind, CommitteeRules.KindOf(reference));

    [Fact]
    public void OnlyTheDirectivesStructureIsAllowed()
    {
        Assert.Null(CommitteeRules.CheckParent(CommitteeKind.TC, null));
        Assert.Null(CommitteeRules.CheckParent(CommitteeKind.SC, CommitteeKind.TC));
        Assert.Null(CommitteeRules.CheckParent(CommitteeKind.WG, CommitteeKind.SC));
        Assert.Null(CommitteeRules.CheckParent(CommitteeKind.JWG, CommitteeKind.TC));
        Assert.Equal("Error.Committee.ScUnderTc", CommitteeRules.CheckParent(CommitteeKind.SC, CommitteeKind.WG));
        Assert.Equal("Error.Committee.ScUnderTc", CommitteeRules.CheckParent(CommitteeKind.SC, CommitteeKind.SC));
        Assert.Equal("Error.Committee.GroupUnderTcOrSc", CommitteeRules.CheckParent(CommitteeKind.WG, CommitteeKind.WG));
        Assert.Equal("Error.Committee.ParentNeeded", CommitteeRules.CheckParent(CommitteeKind.AG, null));
        Assert.Equal("Error.Committee.TcHasNoParent", CommitteeRules.CheckParent(CommitteeKind.TC, CommitteeKind.TC));
    }

    [Fact]
    public void ReferencesFollowFromTheParent()
    {
        Assert.Equal("ISO/TC 207", CommitteeRules.Reference(CommitteeKind.TC, null, 207, null));
        Assert.Equal("ISO/IEC/TC 3", CommitteeRules.Reference(CommitteeKind.TC, null, 3, "ISO/IEC"));
        Assert.Equal("ISO/TC 207/SC 1", CommitteeRules.Reference(CommitteeKind.SC, "ISO/TC 207", 1, "ignored"));
        Assert.Equal("ISO/TC 207/SC 1/WG 4", CommitteeRules.Reference(CommitteeKind.WG, "ISO/TC 207/SC 1", 4, null));
    }
}
