namespace Normative.Features.Development.Ballots;

/// <summary>
/// The voting rules of the ISO/IEC Directives, Part 1, as pure functions.
/// <list type="bullet">
/// <item>NP: a simple majority of the P-members voting approve (abstentions excluded), and at least
/// 4 P-members (committees of 16 or fewer P-members) or 5 (17 or more) that approve nominate an expert.</item>
/// <item>DIS, FDIS: at least two thirds of the P-members' votes cast approve, and at most one quarter
/// of all votes cast are negative; abstentions and negative votes without technical reasons are not counted.</item>
/// <item>SR: what a simple majority of the P-members responding (abstentions excluded) chose; a revision
/// also needs the NP's number of experts; otherwise (a tie, no majority) the committee manager decides.</item>
/// <item>CD: a consultation, comments only.</item>
/// </list>
/// </summary>
public static class BallotRules
{
    /// <summary>The default time a ballot stays open.</summary>
    public static TimeSpan DefaultDuration(BallotKind kind) => TimeSpan.FromDays(7 * kind switch
    {
        BallotKind.NP => 12,
        BallotKind.CD => 8,
        BallotKind.DIS => 12,
        BallotKind.FDIS => 6,
        _ => 20,
    });

    /// <summary>The positions a member body may take on a ballot of this kind; none on a CD consultation.</summary>
    public static IReadOnlyList<VotePosition> Positions(BallotKind kind) => kind switch
    {
        BallotKind.CD => [],
        BallotKind.SR => [VotePosition.Confirm, VotePosition.Revise, VotePosition.Withdraw, VotePosition.Abstain],
        _ => [VotePosition.Approve, VotePosition.Disapprove, VotePosition.Abstain],
    };

    /// <summary>Experts needed for a new project or a revision: 4 in committees of 16 or fewer P-members, 5 in larger ones.</summary>
    public static int ExpertsRequired(int pMembers) => pMembers <= 16 ? 4 : 5;

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

        BallotTally Result(BallotOutcome outcome, string rule, int experts, int disapprove, int withoutReasons, IReadOnlyList<BallotCriterion> criteria) =>
            new(kind, outcome, rule, pMembers, p.Count, approve, disapprove, withoutReasons, abstain, confirm, revise, withdraw,
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
                return Result(outcome, "Rule.NP", experts, disapproveAll, 0, [majority, enough]);
            }
            case BallotKind.DIS or BallotKind.FDIS:
            {
                // Negative votes without technical reasons are left out of both counts.
                var castP = approve + disapproveCounted;
                var all = votes.Where(v => v.Position is VotePosition.Approve || (v.Position is VotePosition.Disapprove && v.TechnicalReasons)).ToList();
                var negativeAll = all.Count(v => v.Position == VotePosition.Disapprove);
                var twoThirds = new BallotCriterion("Criterion.TwoThirds", approve, castP, "≥ 2/3", castP > 0 && approve * 3 >= castP * 2);
                var quarter = new BallotCriterion("Criterion.OneQuarter", negativeAll, all.Count, "≤ 1/4", negativeAll * 4 <= all.Count);
                var outcome = twoThirds.Met && quarter.Met ? BallotOutcome.Approved : BallotOutcome.NotApproved;
                return Result(outcome, "Rule.Draft", 0, disapproveCounted, disapproveAll - disapproveCounted, [twoThirds, quarter]);
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
                return Result(outcome, "Rule.SR", experts, 0, 0, criteria);
            }
            default:
                return Result(BallotOutcome.CommentsReceived, "Rule.CD", 0, disapproveAll, 0, []);
        }
    }
}
