using Normative.Features.Development.Ballots;
using Normative.Features.Development.Projects;

namespace Normative.Tests.Features.Development.Projects;

public class StageRulesTests
{
    [Fact]
    public void EnquiryDraftIsApprovedForFdisOnlyAfterAnApprovedBallot()
    {
        Assert.Null(StageRules.CheckManual(4060, 4099, new StageContext(BallotOutcome.Approved)));
        Assert.Equal("Error.Stage.NeedsApproval", StageRules.CheckManual(4060, 4099, new StageContext(BallotOutcome.NotApproved)));
        Assert.Equal("Error.Stage.NeedsApproval", StageRules.CheckManual(4060, 4099, new StageContext()));
    }

    [Fact]
    public void ReferralBackOrANewEnquiryFollowsOnlyAFailedBallot()
    {
        Assert.Null(StageRules.CheckManual(4060, 4092, new StageContext(BallotOutcome.NotApproved)));
        Assert.Null(StageRules.CheckManual(4060, 4093, new StageContext(BallotOutcome.NotApproved)));
        Assert.Equal("Error.Stage.AlreadyApproved", StageRules.CheckManual(4060, 4092, new StageContext(BallotOutcome.Approved)));
        Assert.Equal([4092, 4093, 4098], StageRules.ManualTargets(4060, new StageContext(BallotOutcome.NotApproved)));
    }

    [Theory]
    [InlineData(4000, 4020, "Error.Stage.NeedsBallotOpen")]
    [InlineData(4020, 4060, "Error.Stage.NeedsBallotClose")]
    [InlineData(2000, 6060, "Error.Stage.NotAllowed")]
    [InlineData(3000, 5000, "Error.Stage.NotAllowed")]
    [InlineData(4098, 4000, "Error.Stage.Terminal")]
    [InlineData(9599, 6060, "Error.Stage.Terminal")]
    [InlineData(2000, 2050, "Error.Stage.Unknown")]
    public void IllegalMovesAreRefusedWithTheirReason(int from, int to, string reason) =>
        Assert.Equal(reason, StageRules.CheckManual(from, to, new StageContext()));

    [Theory]
    [InlineData(1099, 2000)]
    [InlineData(2099, 3000)]
    [InlineData(2099, 4000)]
    [InlineData(4099, 5000)]
    [InlineData(5099, 6000)]
    [InlineData(6000, 6060)]
    [InlineData(9099, 9599)]
    public void TheDirectivesStepsAreAllowed(int from, int to) =>
        Assert.Null(StageRules.CheckManual(from, to, new StageContext()));

    [Fact]
    public void FinalDraftIsSkippedOnlyAfterAnEnquiryApprovedWithNoNegativeVoteAndWithTheManagersNote()
    {
        Assert.Null(StageRules.CheckManual(4099, 6000, new StageContext(BallotOutcome.Approved)));
        Assert.Equal("Error.Stage.FdisNeeded", StageRules.CheckManual(4099, 6000, new StageContext(BallotOutcome.Approved, LastBallotNegativeVotes: 1)));
        Assert.Equal("Error.Stage.FdisNeeded", StageRules.CheckManual(4099, 6000, new StageContext()));
        Assert.True(StageRules.NeedsNote(4099, 6000));
        Assert.False(StageRules.NeedsNote(4099, 5000));
    }

    [Fact]
    public void WithdrawalBallotAndCommitteeInternalBallotFollowTheirRules()
    {
        Assert.Null(StageRules.CheckOpen(BallotKind.Withdrawal, 9099));
        Assert.NotNull(StageRules.CheckOpen(BallotKind.Withdrawal, 6060));
        Assert.Equal("Error.Stage.NeedsBallotOpen", StageRules.CheckManual(9099, 9520, new StageContext()));
        Assert.Equal([9560, 9599], StageRules.AfterClose(BallotKind.Withdrawal, BallotOutcome.Approved));
        Assert.Equal([9560], StageRules.AfterClose(BallotKind.Withdrawal, BallotOutcome.NotApproved));
        Assert.Equal("Error.Stage.NeedsApproval", StageRules.CheckManual(9560, 9599, new StageContext(BallotOutcome.NotApproved)));
        Assert.Null(StageRules.CheckManual(9560, 9592, new StageContext(BallotOutcome.NotApproved)));
        // A committee internal ballot decides a question at any open stage and moves nothing.
        Assert.Null(StageRules.CheckOpen(BallotKind.CIB, 2020));
        Assert.NotNull(StageRules.CheckOpen(BallotKind.CIB, 9599));
        Assert.Null(StageRules.BallotStage(BallotKind.CIB));
        Assert.Empty(StageRules.AfterClose(BallotKind.CIB, BallotOutcome.Approved));
    }

    [Fact]
    public void BallotsOpenOnlyAtTheirStage()
    {
        Assert.Null(StageRules.CheckOpen(BallotKind.DIS, 4000));
        Assert.Null(StageRules.CheckOpen(BallotKind.DIS, 4093));
        Assert.NotNull(StageRules.CheckOpen(BallotKind.DIS, 3060));
        Assert.Null(StageRules.CheckOpen(BallotKind.SR, 6060));
        Assert.NotNull(StageRules.CheckOpen(BallotKind.FDIS, 4099));
    }

    [Fact]
    public void ClosingMovesToTheCloseOfVotingAndOnToWhereTheOutcomeLeads()
    {
        Assert.Equal([4060, 4099], StageRules.AfterClose(BallotKind.DIS, BallotOutcome.Approved));
        Assert.Equal([4060], StageRules.AfterClose(BallotKind.DIS, BallotOutcome.NotApproved));
        Assert.Equal([9060, 9093], StageRules.AfterClose(BallotKind.SR, BallotOutcome.Confirm));
        Assert.Equal([9060], StageRules.AfterClose(BallotKind.SR, BallotOutcome.ManagerDecides));
        Assert.Equal([1060, 1099], StageRules.AfterClose(BallotKind.NP, BallotOutcome.Approved));
    }

    [Fact]
    public void OnlyRevisionsAndAmendmentsMayStartAtThePreparatoryStage()
    {
        Assert.DoesNotContain(2000, StageRules.StartStages(revisesOrAmends: false));
        Assert.Contains(2000, StageRules.StartStages(revisesOrAmends: true));
    }

    [Fact]
    public void StageCodesReadAndWriteAsTheTableShowsThem()
    {
        Assert.True(StageCodes.TryParse("40.20", out var code));
        Assert.Equal(4020, code);
        Assert.True(StageCodes.TryParse("6060", out code));
        Assert.Equal(6060, code);
        Assert.False(StageCodes.TryParse("40.21", out _));
        Assert.False(StageCodes.TryParse("4O.20", out _));
        Assert.False(StageCodes.TryParse("", out _));
        Assert.Equal("00.00", StageCodes.Format(0));
        Assert.Equal("95.99", StageCodes.Format(9599));
        Assert.Equal(47, StageCodes.All.Count); // Annex SD, 90.00 (periodical review) included
    }
}
