namespace Normative.Features.Development.Meetings;

/// <summary>A cancelled meeting stays on record (and in the calendars, marked cancelled).</summary>
public enum MeetingStatus
{
    Planned,
    Cancelled,
}
