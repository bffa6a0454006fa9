namespace Normative.Features.Accounts;

/// <summary>Authorization policy names, registered in AccountsFeature.</summary>
public static class Policies
{
    public const string Administrator = "Administrator";
    /// <summary>Editors curate the catalogue and the store; administrators may do what editors do.</summary>
    public const string Editor = "Editor";
}
