namespace Normative.Features.Catalogue.Search;

/// <summary>The counts per value of each filter, over the results of a search.</summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Types,
    IReadOnlyList<FacetValue> Statuses,
    IReadOnlyList<FacetValue> Stages,
    IReadOnlyList<FacetValue> Committees,
    IReadOnlyList<FacetValue> IcsFields,
    IReadOnlyList<FacetValue> Years,
    IReadOnlyList<FacetValue> Languages,
    IReadOnlyList<FacetValue> Sdgs)
{
    public static readonly SearchFacets Empty = new([], [], [], [], [], [], [], []);
}
