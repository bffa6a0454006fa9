using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Ballots;

/// <summary>A member body's position on a ballot, its place in the committee (null: not a member) and where the vote counts.</summary>
public sealed record CountedPosition(MemberBody Body, MembershipStatus? Status, BallotPosition Position, Vote Vote, VoteCounting Counting);
