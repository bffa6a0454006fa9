namespace Normative.Features.Development.Ballots;

/// <summary>
/// The ballots of the Directives: new work item proposal, committee draft consultation (comments
/// only), enquiry draft, final draft, systematic review.
/// </summary>
public enum BallotKind
{
    NP,
    CD,
    DIS,
    FDIS,
    SR,
}
