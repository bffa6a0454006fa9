using Normative.Features.Development.Ballots;

namespace Normative.Features.Development.Membership;

/// <summary>A closed ballot on which the member body was a P-member, and whether it voted.</summary>
public sealed record BallotParticipation(BallotKind Kind, DateTimeOffset ClosedAt, bool Voted);
