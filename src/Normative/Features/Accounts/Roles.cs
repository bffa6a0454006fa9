namespace Normative.Features.Accounts;

/// <summary>The roles of the platform. Stored in the roles table by migration 0001.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Editor = nameof(Editor);
    public const string CommitteeManager = nameof(CommitteeManager);
    public const string Delegate = nameof(Delegate);
    /// <summary>Manages one or more member bodies' delegates (which bodies: member_body_administrators).</summary>
    public const string MemberBodyAdministrator = nameof(MemberBodyAdministrator);
    public const string CertificationBody = nameof(CertificationBody);
    public const string Customer = nameof(Customer);

    public static readonly IReadOnlyList<string> All =
        [Administrator, Editor, CommitteeManager, Delegate, MemberBodyAdministrator, CertificationBody, Customer];

    /// <summary>Matches a role typed by a person, in any letter case.</summary>
    public static string? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
