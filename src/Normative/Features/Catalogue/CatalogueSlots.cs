namespace Normative.Features.Catalogue;

/// <summary>The catalogue's own slots (see SiteSlots), where features above it put their parts.</summary>
public static class CatalogueSlots
{
    /// <summary>Beside a standard's page (the store's offers); the component gets the page's deliverable as "deliverable".</summary>
    public const string StandardAside = "catalogue-standard-aside";

    /// <summary>On a committee's overview, under its scope (its officers and its history); the component gets "committee".</summary>
    public const string CommitteeOverview = "catalogue-committee-overview";

    /// <summary>Under a sector's page (the articles tagged with it); the component gets the page's sector as "sector".</summary>
    public const string SectorAside = "catalogue-sector-aside";

    /// <summary>Under the search results, on their first page (the articles the words find); the component gets the words as "query".</summary>
    public const string SearchResults = "catalogue-search-results";
}
