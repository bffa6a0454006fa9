namespace Normative.Features.Development.Ballots;

/// <summary>
/// What a committee manager gives to open a ballot; the closing time defaults to the kind's usual
/// weeks, and the draft to the project's latest of the kind's type (<see cref="Documents.DraftRules.ForBallot"/>),
/// else the one whose N-number is <see cref="DraftNumber"/>.
/// </summary>
public sealed record BallotRequest(int ProjectId, BallotKind Kind, DateTimeOffset? ClosesAt = null, bool PublicConsultation = false, int? DraftNumber = null);
