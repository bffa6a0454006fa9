namespace Normative.Features.Development.Committees;

/// <summary>One entry of a committee's calendar: a ballot's closing time.</summary>
public sealed record CalendarEvent(string Uid, DateTimeOffset At, string Summary, string Description, string Url, DateTimeOffset Stamp);
