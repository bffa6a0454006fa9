namespace Normative.Features.Development.Projects;

/// <summary>
/// Target dates from the development track. The track (18, 24 or 36 months) runs from registration
/// in the work programme (20.00) to publication (60.60); the steps between are placed in the same
/// proportions as the Directives' guidance for 36 months (first WD 6, CD 12, DIS 24, FDIS 33,
/// publication 36 months).
/// </summary>
public static class ProjectSchedule
{
    public static readonly IReadOnlyList<int> Tracks = [18, 24, 36];

    /// <summary>The milestones: first working draft, committee draft, enquiry draft, final draft, publication.</summary>
    public static readonly IReadOnlyList<int> MilestoneStages = [2020, 3000, 4000, 5000, 6060];

    private static readonly Dictionary<int, int[]> Months = new()
    {
        [18] = [3, 6, 12, 16, 18],
        [24] = [4, 8, 16, 22, 24],
        [36] = [6, 12, 24, 33, 36],
    };

    public static bool IsTrack(int months) => Months.ContainsKey(months);

    /// <summary>The target date of each milestone; none before the project is registered (20.00).</summary>
    public static IReadOnlyList<Milestone> Targets(int trackMonths, DateOnly? registeredOn)
    {
        if (registeredOn is not { } start || !Months.TryGetValue(trackMonths, out var months))
        {
            return [];
        }
        return MilestoneStages.Select((stage, i) => new Milestone(stage, start.AddMonths(months[i]))).ToList();
    }

    /// <summary>The first milestone the project has not reached yet, or null when it has reached them all or stopped.</summary>
    public static Milestone? Next(int stage, IReadOnlyList<Milestone> targets) =>
        StageCodes.IsTerminal(stage) || StageCodes.IsPublished(stage) ? null : targets.FirstOrDefault(m => stage < m.Stage);

    /// <summary>Overdue: the next milestone's target date has passed.</summary>
    public static bool IsOverdue(int stage, int trackMonths, DateOnly? registeredOn, DateOnly today) =>
        Next(stage, Targets(trackMonths, registeredOn)) is { } next && next.Target < today;
}
