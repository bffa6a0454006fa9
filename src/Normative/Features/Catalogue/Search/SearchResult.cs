namespace Normative.Features.Catalogue.Search;

/// <summary>One page of search results, the counts per filter value, and what the engine did with the query.</summary>
public sealed record SearchResult(
    SearchQuery Query,
    int Total,
    IReadOnlyList<SearchHit> Hits,
    SearchFacets Facets,
    SearchMode Mode,
    string? CorrectedQuery)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)Query.PageSize));
}

/// <summary>How the query was understood.</summary>
public enum SearchMode
{
    /// <summary>No query: the catalogue filtered and sorted.</summary>
    Browse,

    /// <summary>The query read as a publication identifier ("iso9001", "ISO/IEC 27001 2022").</summary>
    Identifier,

    /// <summary>Words (and numbers) searched in references, titles and scopes.</summary>
    Words,
}

/// <summary>
/// One result. <see cref="TitleMarked"/> and <see cref="ReferenceMarked"/> are split into segments
/// where odd segments matched the query, so a page can highlight them without trusting any HTML.
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
    bool ExactMatch);

public sealed record FacetValue(string Value, int Count);

public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Types,
    IReadOnlyList<FacetValue> Statuses,
    IReadOnlyList<FacetValue> Stages,
    IReadOnlyList<FacetValue> Committees,
    IReadOnlyList<FacetValue> IcsFields,
    IReadOnlyList<FacetValue> Years,
    IReadOnlyList<FacetValue> Languages)
{
    public static readonly SearchFacets Empty = new([], [], [], [], [], [], []);
}
