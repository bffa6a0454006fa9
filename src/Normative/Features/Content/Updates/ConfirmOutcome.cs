namespace Normative.Features.Content.Updates;

/// <summary>What a click on a confirmation link did.</summary>
public enum ConfirmOutcome
{
    Confirmed,
    /// <summary>A second click: nothing changed.</summary>
    AlreadyConfirmed,
    /// <summary>Older than seven days: nothing changed.</summary>
    Expired,
    /// <summary>Not signed by this site, altered, replaced by a newer sign-up or for an address since deleted: nothing changed.</summary>
    Invalid,
}
