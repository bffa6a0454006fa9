using Normative.Features.Development.Ballots;

namespace Normative.Features.Development.Projects;

/// <summary>
/// The transitions the Directives allow between stage codes. Stages xx.20 and xx.60 of a balloted
/// stage are reached only by opening and closing a ballot; the rest are moves a committee manager
/// makes, some of them only after a ballot's outcome (40.60 → 40.99 only after an approved DIS).
/// Errors are resource keys of DevelopmentText.
/// </summary>
public static class StageRules
{
    private static readonly Dictionary<int, int[]> Manual = new()
    {
        [0] = [20, 98],
        [20] = [60, 98],
        [60] = [99, 98],
        [99] = [1000],
        [1000] = [1098],
        [1060] = [1099, 1092, 1098],
        [1092] = [1000, 1098],
        [1099] = [2000],
        [2000] = [2020, 2098],
        [2020] = [2060, 2098],
        [2060] = [2020, 2099, 2098],
        // The committee stage may be skipped: a WD approved can go straight to enquiry.
        [2099] = [3000, 4000],
        [3000] = [3098],
        [3060] = [3099, 3092, 3098],
        [3092] = [2020, 3098],
        [3099] = [4000],
        [4000] = [4098],
        [4060] = [4099, 4092, 4093, 4098],
        [4092] = [3000, 2020, 4098],
        [4093] = [4000, 4098],
        // An enquiry draft approved with no negative vote may skip the final draft (see CheckManual).
        [4099] = [5000, 6000],
        [5000] = [5098],
        [5060] = [5099, 5092, 5098],
        [5092] = [3000, 4000, 5098],
        [5099] = [6000],
        [6000] = [6060],
        [9092] = [9599],
        // Withdrawal follows a review's decision directly, or a withdrawal ballot (95.20).
        [9099] = [9520, 9599],
        [9520] = [9560],
        [9560] = [9592, 9599],
        [9592] = [9093],
    };

    /// <summary>Where a new project may start: a preliminary item or a proposal; revisions and amendments may start at 20.00.</summary>
    public static IReadOnlyList<int> StartStages(bool revisesOrAmends) =>
        revisesOrAmends ? [0, 1000, 2000] : [0, 1000];

    /// <summary>The stages a committee manager may move the project to from <paramref name="from"/>.</summary>
    public static IReadOnlyList<int> ManualTargets(int from, StageContext context) =>
        Manual.TryGetValue(from, out var targets) ? targets.Where(t => CheckManual(from, t, context) is null).ToList() : [];

    /// <summary>Null when the move is allowed, else the reason as a resource key.</summary>
    public static string? CheckManual(int from, int to, StageContext context)
    {
        if (!StageCodes.IsKnown(to))
        {
            return "Error.Stage.Unknown";
        }
        if (StageCodes.IsTerminal(from))
        {
            return "Error.Stage.Terminal";
        }
        if (to is 1020 or 3020 or 4020 or 5020 or 9020 or 9520)
        {
            return "Error.Stage.NeedsBallotOpen";
        }
        if (to is 1060 or 3060 or 4060 or 5060 or 9060 or 9560)
        {
            return "Error.Stage.NeedsBallotClose";
        }
        if (!Manual.TryGetValue(from, out var targets) || !targets.Contains(to))
        {
            return "Error.Stage.NotAllowed";
        }
        // After a vote, approval leads on (xx.99) and only a failed vote leads back (xx.92, xx.93).
        if (from == 4099 && to == 6000 && !BallotRules.MaySkipFdis(context.LastBallotOutcome, context.LastBallotNegativeVotes))
        {
            return "Error.Stage.FdisNeeded";
        }
        if (from is 1060 or 4060 or 5060 or 9560)
        {
            var approved = context.LastBallotOutcome == BallotOutcome.Approved;
            if (to % 100 == 99 && !approved)
            {
                return "Error.Stage.NeedsApproval";
            }
            if (to % 100 is 92 or 93 && approved)
            {
                return "Error.Stage.AlreadyApproved";
            }
        }
        return null;
    }

    /// <summary>The stage a ballot of this kind puts the project in; none for a committee internal ballot.</summary>
    public static int? BallotStage(BallotKind kind) => kind switch
    {
        BallotKind.NP => 1020,
        BallotKind.CD => 3020,
        BallotKind.DIS => 4020,
        BallotKind.FDIS => 5020,
        BallotKind.SR => 9020,
        BallotKind.Withdrawal => 9520,
        _ => null,
    };

    /// <summary>
    /// Whether the move needs the committee manager's recorded reason: skipping the final draft is
    /// their decision, and the note on the stage change is its record.
    /// </summary>
    public static bool NeedsNote(int from, int to) => from == 4099 && to == 6000;

    /// <summary>The stages from which a ballot of this kind may open.</summary>
    public static IReadOnlyList<int> BallotFrom(BallotKind kind) => kind switch
    {
        BallotKind.NP => [1000],
        // A further CD round may follow the comments on the last one.
        BallotKind.CD => [3000, 3060],
        BallotKind.DIS => [4000, 4093],
        BallotKind.FDIS => [5000],
        BallotKind.SR => [6060, 9093],
        BallotKind.Withdrawal => [9099],
        // A committee internal ballot may be held on a project at any stage it is still open at.
        _ => [.. StageCodes.All.Where(s => !StageCodes.IsTerminal(s))],
    };

    /// <summary>Null when a ballot of this kind may open at this stage, else the reason as a resource key.</summary>
    public static string? CheckOpen(BallotKind kind, int stage) =>
        BallotFrom(kind).Contains(stage) ? null : "Error.Ballot.WrongStage";

    /// <summary>The stages closing the ballot moves the project through: xx.60, then where the outcome leads.</summary>
    public static IReadOnlyList<int> AfterClose(BallotKind kind, BallotOutcome outcome) => (kind, outcome) switch
    {
        (BallotKind.NP, BallotOutcome.Approved) => [1060, 1099],
        (BallotKind.NP, _) => [1060],
        (BallotKind.CD, _) => [3060],
        (BallotKind.DIS, BallotOutcome.Approved) => [4060, 4099],
        (BallotKind.DIS, _) => [4060],
        (BallotKind.FDIS, BallotOutcome.Approved) => [5060, 5099],
        (BallotKind.FDIS, _) => [5060],
        (BallotKind.SR, BallotOutcome.Confirm) => [9060, 9093],
        (BallotKind.SR, BallotOutcome.Revise) => [9060, 9092],
        (BallotKind.SR, BallotOutcome.Withdraw) => [9060, 9099],
        (BallotKind.SR, _) => [9060],
        (BallotKind.Withdrawal, BallotOutcome.Approved) => [9560, 9599],
        (BallotKind.Withdrawal, _) => [9560],
        _ => [],
    };

    /// <summary>Where a committee manager's decision on a systematic review leads from 90.60.</summary>
    public static int? AfterReviewDecision(BallotOutcome decision) => decision switch
    {
        BallotOutcome.Confirm => 9093,
        BallotOutcome.Revise => 9092,
        BallotOutcome.Withdraw => 9099,
        _ => null,
    };
}
