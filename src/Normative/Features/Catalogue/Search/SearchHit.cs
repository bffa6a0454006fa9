namespace Normative.Features.Catalogue.Search;

/// <summary>
/// One result. <see cref="TitleMarked"/> and <see cref="ReferenceMarked"/> are split into segments
/// where odd segments matched the query, so a page can highlight them without trusting any HTML.
/// <see cref="Clause"/> is the clause of the full text that matched, when one did.
/// </summary>
public sealed record SearchHit(
    int Id,
    string Reference,
    string Title,
    IReadOnlyList<string> TitleMarked,
    IReadOnlyList<string> ReferenceMarked,
    string DeliverableType,
    string? SupplementType,
    DeliverableStatus Status,
    int Stage,
    DateOnly? PublicationDate,
    string? OwnerCommittee,
    bool ExactMatch,
    MatchedClause? Clause = null);
