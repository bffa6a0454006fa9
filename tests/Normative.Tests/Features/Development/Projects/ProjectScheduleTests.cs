using Normative.Features.Development.Projects;

namespace Normative.Tests.Features.Development.Projects;

public class ProjectScheduleTests
{
    private static readonly DateOnly Registered = new(2024, 1, 15);

    [Theory]
    [InlineData(18, "2025-07-15")]
    [InlineData(24, "2026-01-15")]
    [InlineData(36, "2027-01-15")]
    public void PublicationIsDueAtTheEndOfTheTrack(int track, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), ProjectSchedule.Targets(track, Registered).Single(m => m.Stage == 6060).Target);

    [Fact]
    public void ThirtySixMonthTrackFollowsTheDirectivesGuidance()
    {
        var targets = ProjectSchedule.Targets(36, Registered);
        Assert.Equal([2020, 3000, 4000, 5000, 6060], targets.Select(t => t.Stage));
        Assert.Equal([6, 12, 24, 33, 36], targets.Select(t => (t.Target.Year - 2024) * 12 + t.Target.Month - 1));
    }

    [Fact]
    public void ProjectIsOverdueTheDayAfterItsNextTarget()
    {
        // CD due 2025-01-15 on a 36-month track.
        Assert.False(ProjectSchedule.IsOverdue(2060, 36, Registered, new DateOnly(2025, 1, 15)));
        Assert.True(ProjectSchedule.IsOverdue(2060, 36, Registered, new DateOnly(2025, 1, 16)));
        Assert.False(ProjectSchedule.IsOverdue(3020, 36, Registered, new DateOnly(2025, 1, 16)));
    }

    [Fact]
    public void ProjectsNotYetRegisteredPublishedOrDeletedAreNeverOverdue()
    {
        var later = new DateOnly(2035, 1, 1);
        Assert.False(ProjectSchedule.IsOverdue(1020, 36, null, later));
        Assert.False(ProjectSchedule.IsOverdue(6060, 36, Registered, later));
        Assert.False(ProjectSchedule.IsOverdue(3098, 36, Registered, later));
        Assert.Empty(ProjectSchedule.Targets(36, null));
    }

    [Fact]
    public void OnlyTheThreeTracksExist()
    {
        Assert.True(ProjectSchedule.IsTrack(18));
        Assert.False(ProjectSchedule.IsTrack(12));
        Assert.Empty(ProjectSchedule.Targets(48, Registered));
    }
}
