namespace Normative.Features.Catalogue.Search;

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
