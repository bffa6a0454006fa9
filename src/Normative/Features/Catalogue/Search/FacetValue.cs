namespace Normative.Features.Catalogue.Search;

/// <summary>A filter value and how many results have it.</summary>
public sealed record FacetValue(string Value, int Count);
