namespace Normative.Features.Development.Ballots;

/// <summary>
/// The counts of a ballot, the rule applied (<see cref="RuleKey"/>, a resource), each criterion
/// tested and the outcome. Computed by <see cref="BallotRules.Tally"/>.
/// </summary>
public sealed record BallotTally(
    BallotKind Kind,
    BallotOutcome Outcome,
    string RuleKey,
    int PMembers,
    int Responded,
    int Approve,
    int Disapprove,
    int DisapproveWithoutReasons,
    int Abstain,
    int Confirm,
    int Revise,
    int Withdraw,
    int Experts,
    int ExpertsRequired,
    IReadOnlyList<BallotCriterion> Criteria)
{
    /// <summary>P-members that have not voted (never negative, even if the committee grew after the ballot opened).</summary>
    public int NotVoted => Math.Max(0, PMembers - Responded);
}
