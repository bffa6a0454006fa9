namespace Normative.Features.Development.Committees;

/// <summary>
/// The kinds of committee of the Directives: technical committee, subcommittee, working group,
/// advisory group, and joint working group (with another organization).
/// </summary>
public enum CommitteeKind
{
    TC,
    SC,
    WG,
    AG,
    JWG,
}
