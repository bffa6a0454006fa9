namespace Normative.Features.Catalogue.Identifiers;

/// <summary>
/// An amendment, corrigendum, addendum or supplement to the deliverable named before it:
/// "Amd 1:2024" in "ISO 9001:2015/Amd 1:2024", or "DAmd 2" for a draft amendment.
/// </summary>
public sealed record Supplement
{
    public required SupplementKind Kind { get; init; }

    /// <summary>The draft stage, when the supplement is not yet published ("DAmd", "CD Cor").</summary>
    public DraftStage? Stage { get; init; }

    /// <summary>The supplement's number; only a supplement (Suppl) may have none.</summary>
    public int? Number { get; init; }

    /// <summary>Which circulation of the draft ("Amd 1.2" is the second).</summary>
    public int? Iteration { get; init; }

    public int? Year { get; init; }

    /// <summary>IEC dates its Directives supplements by month ("IEC SUP:2016-05").</summary>
    public int? Month { get; init; }

    /// <summary>For the ISO/IEC Directives only: the body whose supplement this is ("ISO", "IEC", "JTC 1").</summary>
    public string? Publisher { get; init; }

    public bool IsDraft => Stage is not null;
}
