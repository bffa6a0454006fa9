namespace Normative.Features.Development.Membership;

/// <summary>How a member body takes part in a committee: participating (must vote) or observing (may comment).</summary>
public enum MembershipStatus
{
    P,
    O,
}
