namespace Normative.Features.Development.Ballots;

/// <summary>What a committee manager gives to open a ballot; the closing time defaults to the kind's usual weeks.</summary>
public sealed record BallotRequest(int ProjectId, BallotKind Kind, DateTimeOffset? ClosesAt = null, bool PublicConsultation = false);
