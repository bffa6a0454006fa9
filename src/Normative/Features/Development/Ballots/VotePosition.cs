namespace Normative.Features.Development.Ballots;

/// <summary>A member body's position: approve, disapprove or abstain; on a systematic review, confirm, revise, withdraw or abstain.</summary>
public enum VotePosition
{
    Approve,
    Disapprove,
    Abstain,
    Confirm,
    Revise,
    Withdraw,
}
