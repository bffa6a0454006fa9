namespace Normative.Features.Development.Meetings;

/// <summary>What the committee manager enters for a meeting (a page's form or the API's request), before it is checked.</summary>
/// <param name="HostMemberBody">The hosting member body's acronym or country code.</param>
public sealed record MeetingDraft(
    MeetingKind Kind,
    int? Number,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Address,
    string? City,
    string? CountryCode,
    string? OnlineUrl,
    string? HostMemberBody,
    string? Agenda,
    string? Resolutions);
