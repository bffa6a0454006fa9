using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Development.Projects;

/// <summary>
/// A project's way through the stages: every stage change with who made it, the target dates of its
/// track (reached or not), and the stages its committee manager may move it to now.
/// </summary>
public sealed record StageHistory(IReadOnlyList<StageHistory.Entry> Events, IReadOnlyList<StageHistory.Target> Targets, IReadOnlyList<int> Next)
{
    /// <summary>A stage change; <paramref name="From"/> is null for the registration, <paramref name="By"/> the person's name.</summary>
    public sealed record Entry(int? From, int To, DateTimeOffset At, string? By, string? Note, int? BallotId);

    public sealed record Target(int Stage, DateOnly Date, bool Reached);

    public static async Task<StageHistory> LoadAsync(NormativeDb db, Project project, CancellationToken ct)
    {
        var events = await (from e in db.ProjectStageEvents
                            join u in db.Users on e.ByUserId equals u.Id into people
                            from u in people.DefaultIfEmpty()
                            where e.ProjectId == project.Id
                            orderby e.Id
                            select new Entry(e.FromStage, e.ToStage, e.At, u == null ? null : u.DisplayName, e.Note, e.BallotId)).AsNoTracking().ToListAsync(ct);
        var context = await ProjectActions.ContextAsync(db, project, ct);
        var targets = ProjectSchedule.Targets(project.TrackMonths, project.RegisteredOn)
            .Select(m => new Target(m.Stage, m.Target, project.Stage >= m.Stage && !StageCodes.IsTerminal(project.Stage)))
            .ToList();
        return new StageHistory(events, targets, [.. StageRules.ManualTargets(project.Stage, context)]);
    }
}
