namespace Normative.Features.Development.Ballots;

/// <summary>
/// The ballots of the Directives: new work item proposal, committee draft consultation (comments
/// only), enquiry draft, final draft, systematic review, committee internal ballot and the ballot
/// on withdrawing a standard. <see cref="BallotRules.For"/> gives each one's rule.
/// </summary>
public enum BallotKind
{
    NP,
    CD,
    DIS,
    FDIS,
    SR,
    CIB,
    Withdrawal,
}
