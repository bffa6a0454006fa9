using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Ballots;

/// <summary>
/// The voting rules of the ISO/IEC Directives, Part 1, as data (<see cref="Rules"/>) and pure functions.
/// <list type="bullet">
/// <item>NP: a simple majority of the P-members voting approve (abstentions excluded), and at least
/// 4 P-members (committees of 16 or fewer P-members) or 5 (17 or more) that approve nominate an expert.</item>
/// <item>DIS, FDIS: circulated to every member body of the "member body" category; at least two thirds
/// of the P-members' votes cast approve, and at most one quarter of all votes cast (P-members or not) are
/// negative; abstentions and negative votes without technical reasons are not counted.</item>
/// <item>SR: circulated to every member body; what a simple majority of the P-members responding
/// (abstentions excluded) chose; a revision also needs the NP's number of experts; otherwise (a tie,
/// no majority) the committee manager decides.</item>
/// <item>CIB, withdrawal: a simple majority of the P-members voting approve (abstentions excluded).</item>
/// <item>CD: a consultation, comments only.</item>
/// </list>
/// Correspondent and subscriber members never vote.
/// </summary>
public static class BallotRules
{
    /// <summary>Each kind's rule; the README's table of rules lists the same.</summary>
    public static readonly IReadOnlyList<BallotRule> Rules =
    [
        new(BallotKind.NP, BallotElectorate.PMembers, "Rule.NP", "2.3.4, 2.3.5", 12),
        new(BallotKind.CD, BallotElectorate.CommitteeComments, "Rule.CD", "2.5", 8),
        new(BallotKind.DIS, BallotElectorate.AllMemberBodies, "Rule.Draft", "2.6.1, 2.6.3", 12),
        new(BallotKind.FDIS, BallotElectorate.AllMemberBodies, "Rule.Draft", "2.7.3", 6),
        new(BallotKind.SR, BallotElectorate.AllMemberBodies, "Rule.SR", "2.9.1, ISO Supplement Annex SR", 20),
        new(BallotKind.CIB, BallotElectorate.PMembers, "Rule.CIB", "1.7", 8),
        new(BallotKind.Withdrawal, BallotElectorate.PMembers, "Rule.Withdrawal", "2.9.1", 8),
    ];

    /// <summary>The rule of a ballot kind.</summary>
    public static BallotRule For(BallotKind kind) => Rules.Single(r => r.Kind == kind);

    /// <summary>The positions a member body may take on a ballot of this kind; none on a CD consultation.</summary>
    public static IReadOnlyList<VotePosition> Positions(BallotKind kind) => kind switch
    {
        BallotKind.CD => [],
        BallotKind.SR => [VotePosition.Confirm, VotePosition.Revise, VotePosition.Withdraw, VotePosition.Abstain],
        _ => [VotePosition.Approve, VotePosition.Disapprove, VotePosition.Abstain],
    };

    /// <summary>Experts needed for a new project or a revision: 4 in committees of 16 or fewer P-members, 5 in larger ones.</summary>
    public static int ExpertsRequired(int pMembers) => pMembers <= 16 ? 4 : 5;

    /// <summary>
    /// Whether a member body is on a ballot of this kind when it opens: every member of the committee
    /// (who may at least comment), and on a ballot to all member bodies every body of the "member body"
    /// category besides. <paramref name="status"/> is the body's place in the committee, null when it has none.
    /// </summary>
    public static bool OnBallot(BallotKind kind, MemberCategory category, MembershipStatus? status) =>
        status is not null || (For(kind).Electorate == BallotElectorate.AllMemberBodies && category == MemberCategory.MemberBody);

    /// <summary>Null when a body of this category and place in the committee may vote on a ballot of this kind, else why not (a resource key).</summary>
    public static string? VotingRight(BallotKind kind, MemberCategory category, MembershipStatus? status) => For(kind).Electorate switch
    {
        BallotElectorate.CommitteeComments => "Error.Vote.CommentsOnly",
        _ when category != MemberCategory.MemberBody => "Error.Vote.NoVotingRights",
        BallotElectorate.PMembers when status != MembershipStatus.P => "Error.Vote.NotPMember",
        _ => null,
    };

    /// <summary>Where a vote counts on a ballot of this kind (see <see cref="VoteCounting"/>).</summary>
    public static VoteCounting Counting(BallotKind kind, Vote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        if (kind == BallotKind.CD)
        {
            return new VoteCounting(false, false, "Counting.CommentsOnly");
        }
        if (vote.Position == VotePosition.Abstain)
        {
            return new VoteCounting(false, false, "Counting.Abstention");
        }
        if (kind is BallotKind.DIS or BallotKind.FDIS)
        {
            if (vote.Position == VotePosition.Disapprove && !vote.TechnicalReasons)
            {
                return new VoteCounting(false, false, "Counting.NoReasons");
            }
            return vote.PMember
                ? new VoteCounting(true, true, "Counting.Both")
                : new VoteCounting(false, true, "Counting.AllVotesOnly");
        }
        return vote.PMember
            ? new VoteCounting(true, false, "Counting.PMembers")
            : new VoteCounting(false, false, "Counting.NotPMember");
    }

    public static BallotTally Tally(BallotKind kind, IReadOnlyList<Vote> votes, int pMembers)
    {
        ArgumentNullException.ThrowIfNull(votes);
        var p = votes.Where(v => v.PMember).ToList();
        var approve = p.Count(v => v.Position == VotePosition.Approve);
        var disapproveCounted = p.Count(v => v.Position == VotePosition.Disapprove && v.TechnicalReasons);
        var disapproveAll = p.Count(v => v.Position == VotePosition.Disapprove);
        var abstain = p.Count(v => v.Position == VotePosition.Abstain);
        var confirm = p.Count(v => v.Position == VotePosition.Confirm);
        var revise = p.Count(v => v.Position == VotePosition.Revise);
        var withdraw = p.Count(v => v.Position == VotePosition.Withdraw);
        var required = ExpertsRequired(pMembers);

        BallotTally Result(BallotOutcome outcome, int experts, int disapprove, int withoutReasons, IReadOnlyList<BallotCriterion> criteria) =>
            new(kind, outcome, For(kind).RuleKey, pMembers, p.Count, approve, disapprove, withoutReasons, abstain, confirm, revise, withdraw,
                experts, kind is BallotKind.NP or BallotKind.SR ? required : 0, criteria);

        switch (kind)
        {
            case BallotKind.NP:
            {
                var voting = approve + disapproveAll;
                var experts = p.Count(v => v.Position == VotePosition.Approve && v.Expert);
                var majority = new BallotCriterion("Criterion.Majority", approve, voting, "> 1/2", voting > 0 && approve * 2 > voting);
                var enough = new BallotCriterion("Criterion.Experts", experts, required, "≥ " + required, experts >= required);
                var outcome = majority.Met && enough.Met ? BallotOutcome.Approved : BallotOutcome.NotApproved;
                return Result(outcome, experts, disapproveAll, 0, [majority, enough]);
            }
            case BallotKind.CIB or BallotKind.Withdrawal:
            {
                var voting = approve + disapproveAll;
                var majority = new BallotCriterion("Criterion.Majority", approve, voting, "> 1/2", voting > 0 && approve * 2 > voting);
                return Result(majority.Met ? BallotOutcome.Approved : BallotOutcome.NotApproved, 0, disapproveAll, 0, [majority]);
            }
            case BallotKind.DIS or BallotKind.FDIS:
            {
                // The P-members' counted votes decide the two-thirds criterion; every counted vote, the one-quarter criterion.
                var counted = votes.Select(v => (Vote: v, Counting: Counting(kind, v))).ToList();
                var pCounted = counted.Where(c => c.Counting.InPMembersCount).ToList();
                var all = counted.Where(c => c.Counting.InAllVotesCount).ToList();
                var pApprove = pCounted.Count(c => c.Vote.Position == VotePosition.Approve);
                var negativeAll = all.Count(c => c.Vote.Position == VotePosition.Disapprove);
                var twoThirds = new BallotCriterion("Criterion.TwoThirds", pApprove, pCounted.Count, "≥ 2/3", pCounted.Count > 0 && pApprove * 3 >= pCounted.Count * 2);
                var quarter = new BallotCriterion("Criterion.OneQuarter", negativeAll, all.Count, "≤ 1/4", negativeAll * 4 <= all.Count);
                var outcome = twoThirds.Met && quarter.Met ? BallotOutcome.Approved : BallotOutcome.NotApproved;
                return Result(outcome, 0, disapproveCounted, disapproveAll - disapproveCounted, [twoThirds, quarter]);
            }
            case BallotKind.SR:
            {
                var responding = confirm + revise + withdraw;
                var experts = p.Count(v => v.Position == VotePosition.Revise && v.Expert);
                (BallotOutcome Option, int Count)[] options =
                    [(BallotOutcome.Confirm, confirm), (BallotOutcome.Revise, revise), (BallotOutcome.Withdraw, withdraw)];
                var top = options.MaxBy(o => o.Count);
                var hasMajority = responding > 0 && top.Count * 2 > responding;
                var criteria = new List<BallotCriterion> { new("Criterion.SrMajority", top.Count, responding, "> 1/2", hasMajority) };
                var outcome = hasMajority ? top.Option : BallotOutcome.ManagerDecides;
                if (outcome == BallotOutcome.Revise)
                {
                    var enough = new BallotCriterion("Criterion.Experts", experts, required, "≥ " + required, experts >= required);
                    criteria.Add(enough);
                    outcome = enough.Met ? BallotOutcome.Revise : BallotOutcome.ManagerDecides;
                }
                return Result(outcome, experts, 0, 0, criteria);
            }
            default:
                return Result(BallotOutcome.CommentsReceived, 0, disapproveAll, 0, []);
        }
    }

    /// <summary>
    /// Whether the final draft may be skipped: the enquiry draft was approved and no member body voted
    /// against it (counted or not). The committee manager decides, with a recorded note.
    /// </summary>
    public static bool MaySkipFdis(BallotOutcome? disOutcome, int disNegativeVotes) =>
        disOutcome == BallotOutcome.Approved && disNegativeVotes == 0;
}
