using Normative.Features.Development.Ballots;
using Normative.Features.Development.Membership;

namespace Normative.Tests.Features.Development.Membership;

public class MembershipRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static BallotParticipation Ballot(BallotKind kind, bool voted, int daysAgo = 30) => new(kind, Now.AddDays(-daysAgo), voted);

    [Fact]
    public void MissingAnEnquiryFinalOrReviewBallotFlagsThePMember()
    {
        foreach (var kind in new[] { BallotKind.DIS, BallotKind.FDIS, BallotKind.SR })
        {
            var ballots = Enumerable.Range(0, 9).Select(_ => Ballot(BallotKind.NP, true)).Append(Ballot(kind, false)).ToList();
            Assert.True(MembershipRules.Assess(ballots, Now).AtRisk);
        }
    }

    [Fact]
    public void MissingMoreThanOneFifthOfTheYearsBallotsFlagsThePMember()
    {
        var exactlyOneFifth = Enumerable.Range(0, 8).Select(_ => Ballot(BallotKind.NP, true)).Concat([Ballot(BallotKind.NP, false), Ballot(BallotKind.NP, false)]).ToList();
        Assert.False(MembershipRules.Assess(exactlyOneFifth, Now).AtRisk);
        var more = exactlyOneFifth.Append(Ballot(BallotKind.NP, false)).ToList();
        Assert.True(MembershipRules.Assess(more, Now).AtRisk);
    }

    [Fact]
    public void OnlyTheLastYearsVotingBallotsCount()
    {
        var ballots = new List<BallotParticipation> { Ballot(BallotKind.DIS, false, daysAgo: 400), Ballot(BallotKind.CD, false), Ballot(BallotKind.NP, true) };
        var risk = MembershipRules.Assess(ballots, Now);
        Assert.False(risk.AtRisk);
        Assert.Equal((0, 0, 1), (risk.MissedKeyBallots, risk.Missed, risk.Total));
    }
}
