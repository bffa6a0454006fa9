namespace Normative.Features.Development.Membership;

/// <summary>What happened to a member body: created, edited, its category changed, suspended, reinstated.</summary>
public enum MemberBodyEventKind
{
    Created,
    Edited,
    CategoryChanged,
    Suspended,
    Reinstated,
}
