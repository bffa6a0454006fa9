using Normative.Features.Development.Committees;
using Normative.Features.Development.Liaisons;

namespace Normative.Tests.Features.Development.Liaisons;

public class LiaisonRulesTests
{
    [Theory]
    [InlineData(CommitteeKind.TC, LiaisonCategory.A, null)]
    [InlineData(CommitteeKind.SC, LiaisonCategory.B, null)]
    [InlineData(CommitteeKind.WG, LiaisonCategory.A, "Error.Liaison.AbAtCommittee")]
    [InlineData(CommitteeKind.WG, LiaisonCategory.C, null)]
    [InlineData(CommitteeKind.JWG, LiaisonCategory.C, null)]
    [InlineData(CommitteeKind.TC, LiaisonCategory.C, "Error.Liaison.CAtWorkingGroup")]
    [InlineData(CommitteeKind.AG, LiaisonCategory.Internal, null)]
    public void EachCategoryLiaisesAtItsLevel(CommitteeKind kind, LiaisonCategory category, string? refusal) =>
        Assert.Equal(refusal, LiaisonRules.CheckCategory(kind, category));

    [Fact]
    public void OnlyCategoriesAAndCNominateExperts() =>
        Assert.Equal([LiaisonCategory.A, LiaisonCategory.C], Enum.GetValues<LiaisonCategory>().Where(LiaisonRules.NominatesExperts));
}
