using CsCheck;
using Normative.Features.Development.Ballots;

namespace Normative.Tests.Features.Development.Ballots;

/// <summary>
/// 10,000 generated ballots of every kind: the counts add up, the order votes came in does not
/// matter, the outcome is what the criteria say, and one more approval never turns an approved
/// ballot down, nor one more counted disapproval a rejected one up.
/// </summary>
public class BallotTallyPropertyTests
{
    private const int Cases = 10_000;

    private static readonly Gen<(BallotKind Kind, Vote[] Votes, int PMembers)> Ballots =
        from kind in Gen.OneOf(Enum.GetValues<BallotKind>())
        from votes in BallotRules.Positions(kind).Count == 0
            ? Gen.Const(Array.Empty<Vote>())
            : Gen.Select(Gen.OneOf([.. BallotRules.Positions(kind)]), Gen.Bool, Gen.Bool, Gen.Bool,
                (position, pMember, reasons, expert) => new Vote(position, pMember, reasons, expert)).Array[0, 40]
        from slack in Gen.Int[1, 10]
        select (kind, votes, votes.Count(v => v.PMember) + slack);

    private static object Key(BallotTally t) =>
        (t.Outcome, t.PMembers, t.Responded, t.Approve, t.Disapprove, t.DisapproveWithoutReasons, t.Abstain, t.Confirm, t.Revise, t.Withdraw, t.Experts,
            string.Join(";", t.Criteria.Select(c => $"{c.Key}={c.Count}/{c.Of}:{c.Met}")));

    [Fact]
    public void TheCountsAddUpAndTheOrderOfVotesDoesNotMatter() =>
        Ballots.Sample(b =>
        {
            var tally = BallotRules.Tally(b.Kind, b.Votes, b.PMembers);
            Assert.Equal(b.Votes.Count(v => v.PMember), tally.Responded);
            Assert.Equal(tally.Responded,
                tally.Approve + tally.Disapprove + tally.DisapproveWithoutReasons + tally.Abstain + tally.Confirm + tally.Revise + tally.Withdraw);
            Assert.Equal(b.PMembers - tally.Responded, tally.NotVoted);
            Assert.All(tally.Criteria, c => Assert.InRange(c.Count, 0, Math.Max(c.Of, c.Count)));

            var reversed = BallotRules.Tally(b.Kind, b.Votes.Reverse().ToArray(), b.PMembers);
            var byPosition = BallotRules.Tally(b.Kind, b.Votes.OrderBy(v => v.Position).ThenBy(v => v.PMember).ToArray(), b.PMembers);
            Assert.Equal(Key(tally), Key(reversed));
            Assert.Equal(Key(tally), Key(byPosition));
        }, iter: Cases, threads: 1);

    [Fact]
    public void ABallotThatDecidesIsApprovedExactlyWhenEveryCriterionIsMet() =>
        Ballots.Where(b => b.Kind is not (BallotKind.CD or BallotKind.SR)).Sample(b =>
        {
            var tally = BallotRules.Tally(b.Kind, b.Votes, b.PMembers);
            Assert.NotEmpty(tally.Criteria);
            Assert.Equal(tally.Criteria.All(c => c.Met), tally.Outcome == BallotOutcome.Approved);
        }, iter: Cases, threads: 1);

    [Fact]
    public void OneMoreApprovalNeverRejectsAndOneMoreCountedDisapprovalNeverApproves() =>
        Ballots.Where(b => b.Kind is BallotKind.NP or BallotKind.CIB or BallotKind.Withdrawal or BallotKind.DIS or BallotKind.FDIS).Sample(b =>
        {
            var tally = BallotRules.Tally(b.Kind, b.Votes, b.PMembers);
            Vote[] approved = [.. b.Votes, new Vote(VotePosition.Approve, PMember: true, Expert: true)];
            Vote[] disapproved = [.. b.Votes, new Vote(VotePosition.Disapprove, PMember: true, TechnicalReasons: true)];
            if (tally.Outcome == BallotOutcome.Approved)
            {
                Assert.Equal(BallotOutcome.Approved, BallotRules.Tally(b.Kind, approved, b.PMembers).Outcome);
            }
            else
            {
                Assert.NotEqual(BallotOutcome.Approved, BallotRules.Tally(b.Kind, disapproved, b.PMembers).Outcome);
            }
        }, iter: Cases, threads: 1);
}
