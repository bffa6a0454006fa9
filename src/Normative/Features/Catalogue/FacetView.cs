using Normative.Features.Catalogue.Search;

namespace Normative.Features.Catalogue;

/// <summary>One filter on the search page (_Facet.cshtml): its values with counts, which one is chosen, and how to label and link them.</summary>
public sealed record FacetView(string Name, string Title, IReadOnlyList<FacetValue> Values, string? Selected, Func<string, string> Label, Func<string, string> Href)
{
    public const int Shown = 10;
}
