namespace Normative.Features.Development.Committees;

/// <summary>
/// One entry of a calendar feed: a ballot's closing time (no end, no place), or a meeting with its
/// end, its place and whether it was cancelled.
/// </summary>
public sealed record CalendarEvent(string Uid, DateTimeOffset At, string Summary, string Description, string Url, DateTimeOffset Stamp,
    DateTimeOffset? End = null, string? Location = null, bool Cancelled = false);
