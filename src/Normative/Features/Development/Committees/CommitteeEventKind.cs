namespace Normative.Features.Development.Committees;

/// <summary>What changed in a committee's record.</summary>
public enum CommitteeEventKind
{
    TitleChanged,
    FrenchTitleChanged,
    ScopeChanged,
    SecretariatTransferred,
    OfficerAppointed,
    OfficerTermEnded,
    Disbanded,
}
