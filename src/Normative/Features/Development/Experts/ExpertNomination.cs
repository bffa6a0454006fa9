namespace Normative.Features.Development.Experts;

/// <summary>A person put forward as an expert to a committee, by a member body or by a liaison organization (one of the two).</summary>
public sealed record ExpertNomination(int CommitteeId, string? Name, string? Email, int? MemberBodyId, int? LiaisonId, int? BallotId = null);
