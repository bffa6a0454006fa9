namespace Normative.Features.Development.Ballots;

public enum BallotStatus
{
    Open,
    Closed,
}
