namespace Normative.Features.Development.Documents;

/// <summary>Who may read a committee document (see <see cref="DocumentAccess"/>).</summary>
public enum DocumentAudience
{
    /// <summary>The committee's own people: delegates of its P- and O-members, its experts, its liaisons' representatives, its officers.</summary>
    Committee,
    /// <summary>The delegates of every member body, and the committee's own people.</summary>
    MemberBodies,
    /// <summary>Anyone, signed in or not.</summary>
    Public,
}
