using Normative.Features.Development.Ballots;

namespace Normative.Features.Development.Membership;

/// <summary>
/// The P-member's obligation to vote (Directives, Part 1, 1.7): a P-member that fails to vote on a
/// DIS, FDIS or systematic review ballot, or on more than 20% of its committee's ballots in a year,
/// is flagged to the committee manager, who may change it to an O-member.
/// </summary>
public static class MembershipRules
{
    public static ParticipationRisk Assess(IEnumerable<BallotParticipation> ballots, DateTimeOffset now)
    {
        // CD consultations take comments, not votes, so they do not count.
        var year = ballots.Where(b => b.Kind != BallotKind.CD && b.ClosedAt > now.AddYears(-1) && b.ClosedAt <= now).ToList();
        var missed = year.Where(b => !b.Voted).ToList();
        return new ParticipationRisk(
            missed.Count(b => b.Kind is BallotKind.DIS or BallotKind.FDIS or BallotKind.SR),
            missed.Count,
            year.Count);
    }
}
