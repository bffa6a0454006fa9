namespace Normative.Features.Development.Membership;

/// <summary>What happened to a member body's place in a committee.</summary>
public enum MembershipEventKind
{
    Joined,
    Changed,
    Left,
}
