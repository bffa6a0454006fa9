namespace Normative.Features.Shared;

/// <summary>How a notice looks: a change that worked, or one that needs the reader's attention.</summary>
public enum NoticeKind
{
    Ok,
    Warn,
}
