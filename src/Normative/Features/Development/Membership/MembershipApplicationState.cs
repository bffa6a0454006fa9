namespace Normative.Features.Development.Membership;

/// <summary>Where a member body's application to a committee stands.</summary>
public enum MembershipApplicationState
{
    Pending,
    Accepted,
    Declined,
}
