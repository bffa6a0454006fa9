using Normative.Features.Development.Ballots;
using Normative.Features.Development.Membership;

namespace Normative.Tests.Features.Development.Ballots;

public class BallotRulesTests
{
    private static List<Vote> Votes(int approve = 0, int disapprove = 0, int abstain = 0, int disapproveWithoutReasons = 0, int approveWithExpert = 0)
    {
        var votes = new List<Vote>();
        votes.AddRange(Enumerable.Repeat(new Vote(VotePosition.Approve), approve));
        votes.AddRange(Enumerable.Repeat(new Vote(VotePosition.Approve, Expert: true), approveWithExpert));
        votes.AddRange(Enumerable.Repeat(new Vote(VotePosition.Disapprove, TechnicalReasons: true), disapprove));
        votes.AddRange(Enumerable.Repeat(new Vote(VotePosition.Disapprove), disapproveWithoutReasons));
        votes.AddRange(Enumerable.Repeat(new Vote(VotePosition.Abstain), abstain));
        return votes;
    }

    [Theory]
    [InlineData(BallotKind.DIS)]
    [InlineData(BallotKind.FDIS)]
    public void DraftWithExactlyTwoThirdsInFavourIsApproved(BallotKind kind)
    {
        // 6 of 9 P-members is exactly two thirds, but 3 negatives of 9 votes is more than a quarter.
        var tally = BallotRules.Tally(kind, Votes(approve: 6, disapprove: 3), 20);
        Assert.Equal(BallotOutcome.NotApproved, tally.Outcome);
        Assert.True(tally.Criteria.Single(c => c.Key == "Criterion.TwoThirds").Met);
        Assert.False(tally.Criteria.Single(c => c.Key == "Criterion.OneQuarter").Met);

        // Three more approvals from other members bring the negatives to 3 of 12, exactly a quarter.
        var twoThirdsOnly = BallotRules.Tally(kind, [.. Votes(approve: 6, disapprove: 3), new Vote(VotePosition.Approve, PMember: false), new Vote(VotePosition.Approve, PMember: false), new Vote(VotePosition.Approve, PMember: false)], 20);
        Assert.Equal(BallotOutcome.Approved, twoThirdsOnly.Outcome);
        Assert.Equal(6, twoThirdsOnly.Criteria.Single(c => c.Key == "Criterion.TwoThirds").Count);
        Assert.Equal(9, twoThirdsOnly.Criteria.Single(c => c.Key == "Criterion.TwoThirds").Of);
        Assert.Equal(12, twoThirdsOnly.Criteria.Single(c => c.Key == "Criterion.OneQuarter").Of);
    }

    [Fact]
    public void DraftJustUnderTwoThirdsIsNotApproved()
    {
        // 5 of 8 P-members (62.5%) with negatives kept under a quarter by other members' approvals.
        var votes = Votes(approve: 5, disapprove: 3);
        votes.AddRange(Enumerable.Repeat(new Vote(VotePosition.Approve, PMember: false), 5));
        var tally = BallotRules.Tally(BallotKind.DIS, votes, 20);
        Assert.False(tally.Criteria.Single(c => c.Key == "Criterion.TwoThirds").Met);
        Assert.True(tally.Criteria.Single(c => c.Key == "Criterion.OneQuarter").Met);
        Assert.Equal(BallotOutcome.NotApproved, tally.Outcome);
    }

    [Fact]
    public void DraftWithExactlyOneQuarterNegativeIsApproved()
    {
        var tally = BallotRules.Tally(BallotKind.DIS, Votes(approve: 6, disapprove: 2), 10);
        Assert.Equal(BallotOutcome.Approved, tally.Outcome);
        var quarter = tally.Criteria.Single(c => c.Key == "Criterion.OneQuarter");
        Assert.Equal((2, 8, true), (quarter.Count, quarter.Of, quarter.Met));
    }

    [Fact]
    public void DraftWithJustOverOneQuarterNegativeIsNotApproved()
    {
        // 8 of 11 approve (72.7% ≥ 2/3) but 3 of 11 against is 27.3%, more than a quarter.
        var tally = BallotRules.Tally(BallotKind.FDIS, Votes(approve: 8, disapprove: 3), 12);
        Assert.True(tally.Criteria.Single(c => c.Key == "Criterion.TwoThirds").Met);
        Assert.False(tally.Criteria.Single(c => c.Key == "Criterion.OneQuarter").Met);
        Assert.Equal(BallotOutcome.NotApproved, tally.Outcome);
    }

    [Fact]
    public void DraftWhereEveryoneAbstainsIsNotApproved()
    {
        var tally = BallotRules.Tally(BallotKind.DIS, Votes(abstain: 7), 7);
        Assert.Equal(BallotOutcome.NotApproved, tally.Outcome);
        Assert.Equal(7, tally.Abstain);
        Assert.Equal(0, tally.Criteria.Single(c => c.Key == "Criterion.TwoThirds").Of);
    }

    [Fact]
    public void DraftWithNoVotesIsNotApproved()
    {
        var tally = BallotRules.Tally(BallotKind.FDIS, [], 15);
        Assert.Equal(BallotOutcome.NotApproved, tally.Outcome);
        Assert.Equal(15, tally.NotVoted);
    }

    [Fact]
    public void AbstentionsDoNotCountOnADraft()
    {
        var tally = BallotRules.Tally(BallotKind.DIS, Votes(approve: 2, disapprove: 0, abstain: 10), 12);
        Assert.Equal(BallotOutcome.Approved, tally.Outcome);
        Assert.Equal(2, tally.Criteria.Single(c => c.Key == "Criterion.TwoThirds").Of);
    }

    [Fact]
    public void NegativeVotesWithoutTechnicalReasonsAreNotCounted()
    {
        // 4 approve, 4 against without reasons: counted, 4 of 4 approve and none against.
        var tally = BallotRules.Tally(BallotKind.DIS, Votes(approve: 4, disapproveWithoutReasons: 4), 10);
        Assert.Equal(BallotOutcome.Approved, tally.Outcome);
        Assert.Equal(4, tally.DisapproveWithoutReasons);
        Assert.Equal(0, tally.Disapprove);
        Assert.Equal(4, tally.Criteria.Single(c => c.Key == "Criterion.TwoThirds").Of);

        // The same negatives with reasons sink it.
        Assert.Equal(BallotOutcome.NotApproved, BallotRules.Tally(BallotKind.DIS, Votes(approve: 4, disapprove: 4), 10).Outcome);
    }

    [Theory]
    [InlineData(16, 3, BallotOutcome.NotApproved)]
    [InlineData(16, 4, BallotOutcome.Approved)]
    [InlineData(16, 5, BallotOutcome.Approved)]
    [InlineData(17, 3, BallotOutcome.NotApproved)]
    [InlineData(17, 4, BallotOutcome.NotApproved)]
    [InlineData(17, 5, BallotOutcome.Approved)]
    public void NewWorkItemNeedsFourExpertsUpToSixteenPMembersAndFiveFromSeventeen(int pMembers, int experts, BallotOutcome expected)
    {
        var tally = BallotRules.Tally(BallotKind.NP, Votes(approve: 8 - experts, approveWithExpert: experts, disapprove: 2), pMembers);
        Assert.Equal(expected, tally.Outcome);
        Assert.Equal(pMembers <= 16 ? 4 : 5, tally.ExpertsRequired);
        Assert.Equal(experts, tally.Experts);
    }

    [Fact]
    public void NewWorkItemNeedsMoreApprovalsThanDisapprovalsAmongThoseVoting()
    {
        // A tie among those voting is not a majority; abstentions do not count.
        var tie = BallotRules.Tally(BallotKind.NP, Votes(approveWithExpert: 5, disapprove: 5, abstain: 6), 16);
        Assert.Equal(BallotOutcome.NotApproved, tie.Outcome);
        Assert.False(tie.Criteria.Single(c => c.Key == "Criterion.Majority").Met);

        var oneMore = BallotRules.Tally(BallotKind.NP, Votes(approveWithExpert: 6, disapprove: 5, abstain: 5), 16);
        Assert.Equal(BallotOutcome.Approved, oneMore.Outcome);
    }

    [Fact]
    public void ExpertsNominatedWithANegativeVoteDoNotCount()
    {
        var votes = Votes(approveWithExpert: 3, approve: 3);
        votes.Add(new Vote(VotePosition.Disapprove, Expert: true));
        var tally = BallotRules.Tally(BallotKind.NP, votes, 10);
        Assert.Equal(3, tally.Experts);
        Assert.Equal(BallotOutcome.NotApproved, tally.Outcome);
    }

    [Fact]
    public void NewWorkItemWithNoVotesOrOnlyAbstentionsIsNotApproved()
    {
        Assert.Equal(BallotOutcome.NotApproved, BallotRules.Tally(BallotKind.NP, [], 10).Outcome);
        Assert.Equal(BallotOutcome.NotApproved, BallotRules.Tally(BallotKind.NP, Votes(abstain: 10), 10).Outcome);
    }

    [Fact]
    public void SystematicReviewFollowsTheMajorityOfThoseResponding()
    {
        var votes = new List<Vote>
        {
            new(VotePosition.Confirm), new(VotePosition.Confirm), new(VotePosition.Confirm),
            new(VotePosition.Withdraw), new(VotePosition.Abstain), new(VotePosition.Abstain),
        };
        var tally = BallotRules.Tally(BallotKind.SR, votes, 12);
        Assert.Equal(BallotOutcome.Confirm, tally.Outcome);
        Assert.Equal((3, 4), (tally.Criteria[0].Count, tally.Criteria[0].Of));
    }

    [Fact]
    public void SystematicReviewTieGoesToTheCommitteeManager()
    {
        var votes = new List<Vote> { new(VotePosition.Confirm), new(VotePosition.Confirm), new(VotePosition.Revise, Expert: true), new(VotePosition.Revise, Expert: true) };
        Assert.Equal(BallotOutcome.ManagerDecides, BallotRules.Tally(BallotKind.SR, votes, 10).Outcome);
    }

    [Fact]
    public void SystematicReviewWithoutAMajorityGoesToTheCommitteeManager()
    {
        var votes = new List<Vote> { new(VotePosition.Confirm), new(VotePosition.Confirm), new(VotePosition.Revise), new(VotePosition.Withdraw) };
        Assert.Equal(BallotOutcome.ManagerDecides, BallotRules.Tally(BallotKind.SR, votes, 10).Outcome);
        Assert.Equal(BallotOutcome.ManagerDecides, BallotRules.Tally(BallotKind.SR, [new Vote(VotePosition.Abstain)], 10).Outcome);
        Assert.Equal(BallotOutcome.ManagerDecides, BallotRules.Tally(BallotKind.SR, [], 10).Outcome);
    }

    [Theory]
    [InlineData(16, 3, BallotOutcome.ManagerDecides)]
    [InlineData(16, 4, BallotOutcome.Revise)]
    [InlineData(17, 4, BallotOutcome.ManagerDecides)]
    [InlineData(17, 5, BallotOutcome.Revise)]
    public void RevisionNeedsAsManyExpertsAsANewWorkItem(int pMembers, int experts, BallotOutcome expected)
    {
        var votes = new List<Vote>();
        votes.AddRange(Enumerable.Repeat(new Vote(VotePosition.Revise, Expert: true), experts));
        votes.AddRange(Enumerable.Repeat(new Vote(VotePosition.Revise), 6 - experts));
        votes.Add(new Vote(VotePosition.Confirm));
        Assert.Equal(expected, BallotRules.Tally(BallotKind.SR, votes, pMembers).Outcome);
    }

    [Fact]
    public void CommitteeDraftConsultationTakesCommentsOnly()
    {
        Assert.Empty(BallotRules.Positions(BallotKind.CD));
        Assert.Equal(BallotOutcome.CommentsReceived, BallotRules.Tally(BallotKind.CD, [], 9).Outcome);
    }

    [Theory]
    [InlineData(BallotKind.NP, 12)]
    [InlineData(BallotKind.DIS, 12)]
    [InlineData(BallotKind.FDIS, 6)]
    [InlineData(BallotKind.SR, 20)]
    [InlineData(BallotKind.CD, 8)]
    [InlineData(BallotKind.CIB, 8)]
    [InlineData(BallotKind.Withdrawal, 8)]
    public void BallotsLastTheirDefaultWeeks(BallotKind kind, int weeks) =>
        Assert.Equal(TimeSpan.FromDays(7 * weeks), new BallotDurations().For(kind));

    [Fact]
    public void EveryKindHasOneRuleWithItsClause()
    {
        Assert.Equal(Enum.GetValues<BallotKind>().Order(), BallotRules.Rules.Select(r => r.Kind).Order());
        Assert.All(BallotRules.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Clause)));
    }

    [Theory]
    [InlineData(BallotKind.DIS)]
    [InlineData(BallotKind.FDIS)]
    [InlineData(BallotKind.SR)]
    public void DraftsAndReviewsGoToEveryMemberBodyButOnlyMemberBodiesVote(BallotKind kind)
    {
        Assert.True(BallotRules.OnBallot(kind, MemberCategory.MemberBody, null));
        Assert.False(BallotRules.OnBallot(kind, MemberCategory.CorrespondentMember, null));
        Assert.False(BallotRules.OnBallot(kind, MemberCategory.SubscriberMember, null));
        // A correspondent O-member of the committee is on the ballot to comment.
        Assert.True(BallotRules.OnBallot(kind, MemberCategory.CorrespondentMember, MembershipStatus.O));

        Assert.Null(BallotRules.VotingRight(kind, MemberCategory.MemberBody, MembershipStatus.P));
        Assert.Null(BallotRules.VotingRight(kind, MemberCategory.MemberBody, MembershipStatus.O));
        Assert.Null(BallotRules.VotingRight(kind, MemberCategory.MemberBody, null));
        Assert.Equal("Error.Vote.NoVotingRights", BallotRules.VotingRight(kind, MemberCategory.CorrespondentMember, MembershipStatus.O));
        Assert.Equal("Error.Vote.NoVotingRights", BallotRules.VotingRight(kind, MemberCategory.SubscriberMember, null));
    }

    [Theory]
    [InlineData(BallotKind.NP)]
    [InlineData(BallotKind.CIB)]
    [InlineData(BallotKind.Withdrawal)]
    public void CommitteeBallotsGoToTheCommitteeAndOnlyPMembersVote(BallotKind kind)
    {
        Assert.False(BallotRules.OnBallot(kind, MemberCategory.MemberBody, null));
        Assert.True(BallotRules.OnBallot(kind, MemberCategory.MemberBody, MembershipStatus.O));
        Assert.Null(BallotRules.VotingRight(kind, MemberCategory.MemberBody, MembershipStatus.P));
        Assert.Equal("Error.Vote.NotPMember", BallotRules.VotingRight(kind, MemberCategory.MemberBody, MembershipStatus.O));
    }

    [Fact]
    public void CommitteeDraftConsultationGoesToTheCommitteeForComments()
    {
        Assert.True(BallotRules.OnBallot(BallotKind.CD, MemberCategory.MemberBody, MembershipStatus.O));
        Assert.False(BallotRules.OnBallot(BallotKind.CD, MemberCategory.MemberBody, null));
        Assert.Equal("Error.Vote.CommentsOnly", BallotRules.VotingRight(BallotKind.CD, MemberCategory.MemberBody, MembershipStatus.P));
    }

    [Fact]
    public void PMembersExactlyTwoThirdsButNonMemberNegativesPastAQuarterIsDisapproved()
    {
        // 6 of 9 P-members approve (exactly two thirds) with 3 negatives; 2 member bodies outside the
        // committee approve and 2 vote against: 5 negatives of 13 votes is more than a quarter.
        var votes = Votes(approve: 6, disapprove: 3);
        votes.AddRange([new Vote(VotePosition.Approve, PMember: false), new Vote(VotePosition.Approve, PMember: false)]);
        votes.AddRange([new Vote(VotePosition.Disapprove, PMember: false, TechnicalReasons: true), new Vote(VotePosition.Disapprove, PMember: false, TechnicalReasons: true)]);
        var tally = BallotRules.Tally(BallotKind.DIS, votes, 9);
        var twoThirds = tally.Criteria.Single(c => c.Key == "Criterion.TwoThirds");
        var quarter = tally.Criteria.Single(c => c.Key == "Criterion.OneQuarter");
        Assert.Equal((6, 9, true), (twoThirds.Count, twoThirds.Of, twoThirds.Met));
        Assert.Equal((5, 13, false), (quarter.Count, quarter.Of, quarter.Met));
        Assert.Equal(BallotOutcome.NotApproved, tally.Outcome);
    }

    [Fact]
    public void AbstentionsAndNegativesWithoutReasonsCountNowhereWhoeverCastsThem()
    {
        // 6 of 9 P-members approve; the abstentions and unreasoned negatives of anyone would push
        // both criteria past their thresholds if they counted.
        var votes = Votes(approve: 6, disapprove: 3, abstain: 4, disapproveWithoutReasons: 5);
        votes.AddRange(Enumerable.Repeat(new Vote(VotePosition.Disapprove, PMember: false), 6));
        votes.AddRange(Enumerable.Repeat(new Vote(VotePosition.Abstain, PMember: false), 6));
        votes.AddRange(Enumerable.Repeat(new Vote(VotePosition.Approve, PMember: false), 3));
        var tally = BallotRules.Tally(BallotKind.FDIS, votes, 30);
        Assert.Equal(9, tally.Criteria.Single(c => c.Key == "Criterion.TwoThirds").Of);
        Assert.Equal((3, 12), (tally.Criteria.Single(c => c.Key == "Criterion.OneQuarter").Count, tally.Criteria.Single(c => c.Key == "Criterion.OneQuarter").Of));
        Assert.Equal(BallotOutcome.Approved, tally.Outcome);
    }

    [Fact]
    public void EachVoteSaysWhereItCounts()
    {
        Assert.Equal(new VoteCounting(true, true, "Counting.Both"), BallotRules.Counting(BallotKind.DIS, new Vote(VotePosition.Approve)));
        Assert.Equal(new VoteCounting(false, true, "Counting.AllVotesOnly"), BallotRules.Counting(BallotKind.DIS, new Vote(VotePosition.Disapprove, PMember: false, TechnicalReasons: true)));
        Assert.Equal(new VoteCounting(false, false, "Counting.NoReasons"), BallotRules.Counting(BallotKind.FDIS, new Vote(VotePosition.Disapprove)));
        Assert.Equal(new VoteCounting(false, false, "Counting.Abstention"), BallotRules.Counting(BallotKind.DIS, new Vote(VotePosition.Abstain)));
        // Reasons matter only on drafts: an unreasoned negative counts on a committee internal ballot.
        Assert.Equal(new VoteCounting(true, false, "Counting.PMembers"), BallotRules.Counting(BallotKind.CIB, new Vote(VotePosition.Disapprove)));
        Assert.Equal(new VoteCounting(false, false, "Counting.NotPMember"), BallotRules.Counting(BallotKind.SR, new Vote(VotePosition.Confirm, PMember: false)));
    }

    [Theory]
    [InlineData(BallotKind.CIB)]
    [InlineData(BallotKind.Withdrawal)]
    public void CommitteeInternalAndWithdrawalBallotsNeedASimpleMajorityOfPMembersVoting(BallotKind kind)
    {
        Assert.Equal(BallotOutcome.Approved, BallotRules.Tally(kind, Votes(approve: 4, disapprove: 3, abstain: 10), 20).Outcome);
        // A tie is not a majority.
        Assert.Equal(BallotOutcome.NotApproved, BallotRules.Tally(kind, Votes(approve: 3, disapproveWithoutReasons: 3), 20).Outcome);
        Assert.Equal(BallotOutcome.NotApproved, BallotRules.Tally(kind, Votes(abstain: 5), 20).Outcome);
        var tally = BallotRules.Tally(kind, Votes(approve: 4, disapprove: 3), 20);
        Assert.Equal(BallotRules.For(kind).RuleKey, tally.RuleKey);
        var majority = Assert.Single(tally.Criteria);
        Assert.Equal((4, 7, true), (majority.Count, majority.Of, majority.Met));
    }

    [Fact]
    public void FinalDraftMaySkipOnlyAfterAnEnquiryApprovedWithNoNegativeVote()
    {
        Assert.True(BallotRules.MaySkipFdis(BallotOutcome.Approved, 0));
        Assert.False(BallotRules.MaySkipFdis(BallotOutcome.Approved, 1));
        Assert.False(BallotRules.MaySkipFdis(BallotOutcome.NotApproved, 0));
        Assert.False(BallotRules.MaySkipFdis(null, 0));
    }
}
