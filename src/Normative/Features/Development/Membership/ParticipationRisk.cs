namespace Normative.Features.Development.Membership;

/// <summary>
/// A P-member's voting record over the last year: key ballots (DIS, FDIS, SR) it missed, and the
/// ballots it missed out of those it should have voted on.
/// </summary>
public sealed record ParticipationRisk(int MissedKeyBallots, int Missed, int Total)
{
    /// <summary>Flagged to the committee manager: a key ballot missed, or more than 20% of the ballots.</summary>
    public bool AtRisk => MissedKeyBallots > 0 || Missed * 5 > Total;
}
