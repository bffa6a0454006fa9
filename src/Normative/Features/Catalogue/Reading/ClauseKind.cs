namespace Normative.Features.Catalogue.Reading;

/// <summary>What a clause is, which decides whether it belongs to the free preview (see <see cref="ClauseRules"/>).</summary>
public enum ClauseKind
{
    Foreword,
    Introduction,
    Scope,
    NormativeReferences,
    TermsAndDefinitions,
    Clause,
    Annex,
    Bibliography,
}
