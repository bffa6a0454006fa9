namespace Normative.Features.Catalogue.Search;

/// <summary>How search results are ordered.</summary>
public enum SearchSort
{
    /// <summary>Best match first: an exact identifier, then the current edition above drafts and withdrawn ones.</summary>
    Relevance,

    /// <summary>Latest publication first; drafts (no date yet) last.</summary>
    Newest,

    /// <summary>By reference as people read it: ISO 2 before ISO 10, parts in order.</summary>
    Reference,
}
