namespace Normative.Features.Development.Meetings;

/// <summary>A committee's plenary, or a meeting of one of its working groups.</summary>
public enum MeetingKind
{
    Plenary,
    WorkingGroup,
}
