namespace Normative.Features.Development.Committees;

/// <summary>The officers a committee has terms for: its chair and its committee manager (who runs it here).</summary>
public enum OfficerRole
{
    Chair,
    CommitteeManager,
}
