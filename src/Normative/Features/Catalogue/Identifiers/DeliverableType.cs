namespace Normative.Features.Catalogue.Identifiers;

/// <summary>
/// The kind of deliverable an identifier names, with the abbreviations ISO uses in identifiers and
/// in the <c>deliverableType</c> field of its Open Data files.
/// </summary>
public enum DeliverableType
{
    /// <summary>International Standard: no abbreviation in the identifier ("ISO 9001").</summary>
    IS,

    /// <summary>Technical Specification ("ISO/TS 23016-1").</summary>
    TS,

    /// <summary>Technical Report ("ISO/TR 10013").</summary>
    TR,

    /// <summary>Publicly Available Specification ("ISO/PAS 45005").</summary>
    PAS,

    /// <summary>International Workshop Agreement ("IWA 36").</summary>
    IWA,

    /// <summary>Guide ("ISO/IEC Guide 71").</summary>
    Guide,

    /// <summary>International Standardized Profile ("ISO/IEC ISP 10611-4").</summary>
    ISP,

    /// <summary>The ISO/IEC Directives ("ISO/IEC DIR 1").</summary>
    DIR,

    /// <summary>ISO Recommendation, the deliverable that preceded International Standards ("ISO/R 93").</summary>
    R,

    /// <summary>Technology Trends Assessment ("ISO/TTA 1").</summary>
    TTA,
}
