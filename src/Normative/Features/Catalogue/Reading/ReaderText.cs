namespace Normative.Features.Catalogue.Reading;

/// <summary>The text a reader asked for, with what the page needs around it (no XML, no clauses).</summary>
public sealed record ReaderText(
    int TextId,
    int DeliverableId,
    string DeliverableReference,
    string Language,
    string Publisher,
    AdoptionLevel Level,
    string Reference,
    string Title,
    int? Edition,
    DateOnly? ReleaseDate,
    IReadOnlyList<string> Languages,
    string? Urn);
