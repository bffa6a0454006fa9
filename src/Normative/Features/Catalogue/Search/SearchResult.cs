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
