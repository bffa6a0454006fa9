using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Ballots;

/// <summary>A vote recorded: the body's current position, and whether it replaced an earlier one.</summary>
public sealed record CastVote(MemberBody MemberBody, BallotPosition Position, bool Replaced);
