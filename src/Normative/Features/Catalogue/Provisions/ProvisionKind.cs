namespace Normative.Features.Catalogue.Provisions;

/// <summary>The kinds of provision the ISO/IEC Directives, Part 2 (clause 7) tell apart by their verbal forms, strongest first.</summary>
public enum ProvisionKind
{
    /// <summary>"shall", "shall not"; « doit », « ne doit pas ».</summary>
    Requirement,
    /// <summary>"should", "should not"; « il convient de », « il est recommandé ».</summary>
    Recommendation,
    /// <summary>"may", "need not"; « peut », « n'est pas tenu de ».</summary>
    Permission,
    /// <summary>Possibility and capability: "can", "cannot"; « il est possible de », « ne peut pas ».</summary>
    Possibility,
}
