namespace Normative.Features.Catalogue;

/// <summary>What a reader needs to know about a deliverable, derived from its stage code.</summary>
public enum DeliverableStatus
{
    /// <summary>Stages 60.60 to 95.92: in force (including under review or a withdrawal ballot).</summary>
    Published,

    /// <summary>Stages 00.00 to 60.00, except projects that were stopped.</summary>
    UnderDevelopment,

    /// <summary>Stage 95.99.</summary>
    Withdrawn,

    /// <summary>Stages 00.98 to 50.98: a project that was abandoned or deleted.</summary>
    Deleted,
}
