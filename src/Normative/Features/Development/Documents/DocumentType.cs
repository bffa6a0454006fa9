namespace Normative.Features.Development.Documents;

/// <summary>What a committee document is, as committees' registers sort them.</summary>
public enum DocumentType
{
    WorkingDraft,
    CommitteeDraft,
    /// <summary>The enquiry draft (DIS) balloted at stage 40.</summary>
    EnquiryDraft,
    /// <summary>The approval draft (FDIS) balloted at stage 50.</summary>
    ApprovalDraft,
    Proof,
    Agenda,
    MinutesAndResolutions,
    CompiledComments,
    BallotResult,
    NationalBodyContribution,
    Other,
}
