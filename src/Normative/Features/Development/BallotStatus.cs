namespace Normative.Features.Development;

public enum BallotStatus
{
    Open,
    Closed,
}
