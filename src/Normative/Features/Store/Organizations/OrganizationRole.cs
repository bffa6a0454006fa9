namespace Normative.Features.Store.Organizations;

/// <summary>What a member may do: buy for the organisation; an administrator also invites and removes members, names administrators, sees the organisation's orders and assigns their seats.</summary>
public enum OrganizationRole
{
    Member,
    Administrator,
}
