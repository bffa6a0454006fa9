namespace Normative.Features.Development.Ballots;

/// <summary>What a ballot decided, as computed by <see cref="BallotRules.Tally"/>.</summary>
public enum BallotOutcome
{
    /// <summary>NP, DIS, FDIS: the criteria were met.</summary>
    Approved,
    /// <summary>NP, DIS, FDIS: a criterion was not met.</summary>
    NotApproved,
    /// <summary>CD consultation: comments only, nothing to decide.</summary>
    CommentsReceived,
    /// <summary>SR: a majority chose to confirm the standard.</summary>
    Confirm,
    /// <summary>SR: a majority chose revision, with enough experts.</summary>
    Revise,
    /// <summary>SR: a majority chose to withdraw the standard.</summary>
    Withdraw,
    /// <summary>SR: a tie or no majority; the committee manager decides and records why.</summary>
    ManagerDecides,
}
