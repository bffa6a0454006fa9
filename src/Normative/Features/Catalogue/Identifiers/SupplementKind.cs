namespace Normative.Features.Catalogue.Identifiers;

/// <summary>The kinds of supplement that amend or complete a published deliverable.</summary>
public enum SupplementKind
{
    /// <summary>Amendment ("/Amd 1:2024").</summary>
    Amd,

    /// <summary>Technical corrigendum ("/Cor 1:2010").</summary>
    Cor,

    /// <summary>Addendum, the supplement that preceded amendments ("/Add 1:1985").</summary>
    Add,

    /// <summary>Supplement: an older ISO supplement, or a body's supplement to the ISO/IEC Directives ("ISO SUP").</summary>
    Suppl,
}
