namespace Normative.Features.Catalogue.Identifiers;

/// <summary>
/// The stage abbreviation a draft carries in its identifier ("ISO/DIS 21143"). A published
/// deliverable has no stage. Typed forms such as DTS, FDTR or CD TS are a stage plus a
/// <see cref="DeliverableType"/>; a supplement's D/FD prefix (DAmd, FDCor) is DIS/FDIS.
/// </summary>
public enum DraftStage
{
    /// <summary>Preliminary work item (stage 00).</summary>
    PWI,

    /// <summary>New work item proposal (stage 10); older texts write NWIP.</summary>
    NP,

    /// <summary>Approved work item (stage 20.00).</summary>
    AWI,

    /// <summary>Working draft (stage 20.20).</summary>
    WD,

    /// <summary>Committee draft (stage 30); older texts write PDTS, PDAM, DP.</summary>
    CD,

    /// <summary>Enquiry draft (stage 40): DIS, DTS, DTR, DPAS, DAmd, DCor.</summary>
    DIS,

    /// <summary>Final draft (stage 50): FDIS, FDTS, FDAmd; CEN writes FprISO.</summary>
    FDIS,

    /// <summary>Proof before publication (stage 60.00).</summary>
    PRF,
}
