using Normative.Features.Development.Meetings;

namespace Normative.Tests.Features.Development.Meetings;

public class MeetingRulesTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static MeetingDraft Draft(DateTimeOffset? end = null, string? city = "Geneva", string? online = null, string? country = "CH", string title = "42nd plenary") =>
        new(MeetingKind.Plenary, 42, title, Start, end ?? Start.AddDays(3), "Chemin de Blandonnet 8", city, country, online, null, "1. Opening", null);

    [Fact]
    public void AMeetingInAPlaceOrOnlineIsAccepted()
    {
        Assert.Null(MeetingRules.Check(Draft()));
        Assert.Null(MeetingRules.Check(Draft(city: null, country: null, online: "https://meet.example.org/tc-176")));
        Assert.Null(MeetingRules.Check(Draft(end: Start)));
    }

    [Theory]
    [InlineData(-1, "Geneva", null, "CH", "Error.Meeting.EndBeforeStart")]
    [InlineData(1, null, null, null, "Error.Meeting.Place")]
    [InlineData(1, "Geneva", null, "XX", "Error.Meeting.Country")]
    [InlineData(1, null, "javascript:alert(1)", null, "Error.Meeting.OnlineUrl")]
    [InlineData(1, null, "meet.example.org", null, "Error.Meeting.OnlineUrl")]
    public void ADraftWithoutATimeOrPlaceThatMakesSenseIsRefused(int hours, string? city, string? online, string? country, string key)
    {
        var error = MeetingRules.Check(Draft(end: Start.AddHours(hours), city: city, online: online, country: country));
        Assert.Equal((400, key), (error?.Status, error?.Key));
    }

    [Fact]
    public void AMeetingNeedsATitle() => Assert.Equal("Error.Meeting.Title", MeetingRules.Check(Draft(title: "  "))?.Key);

    [Fact]
    public void OnlyANewTimeOrPlaceIsWorthAMail()
    {
        var meeting = new Meeting
        {
            Title = "42nd plenary", StartsAt = Start, EndsAt = Start.AddDays(3), Address = "Chemin de Blandonnet 8", City = "Geneva", CountryCode = "CH",
        };
        Assert.False(MeetingRules.Moved(meeting, Draft() with { Agenda = "1. Opening\n2. Adoption of the agenda", Title = "42nd plenary meeting" }));
        Assert.False(MeetingRules.Moved(meeting, Draft(city: " geneva ")));
        Assert.True(MeetingRules.Moved(meeting, Draft(city: "Vernier")));
        Assert.True(MeetingRules.Moved(meeting, Draft(end: Start.AddDays(4))));
        Assert.True(MeetingRules.Moved(meeting, Draft(online: "https://meet.example.org/tc-176")));
    }

    [Fact]
    public void RegistrationClosesWhenTheMeetingIsCancelledOrOver()
    {
        var meeting = new Meeting { Title = "42nd plenary", StartsAt = Start, EndsAt = Start.AddDays(3) };
        Assert.Null(MeetingRules.CheckRegistration(meeting, Start.AddDays(-30)));
        Assert.Null(MeetingRules.CheckRegistration(meeting, Start.AddDays(1)));
        Assert.Equal("Error.Meeting.Over", MeetingRules.CheckRegistration(meeting, Start.AddDays(4))?.Key);
        meeting.Status = MeetingStatus.Cancelled;
        Assert.Equal((409, "Error.Meeting.Cancelled"), (MeetingRules.CheckRegistration(meeting, Start.AddDays(-30))?.Status, MeetingRules.CheckRegistration(meeting, Start.AddDays(-30))?.Key));
    }
}
