namespace Normative.Features.Store.Organizations;

/// <summary>What happened to an organisation, in its append-only history.</summary>
public enum OrganizationEventKind
{
    Created,
    Invited,
    InvitationCancelled,
    Joined,
    Removed,
    Left,
    AdministratorAdded,
    AdministratorRemoved,
}
