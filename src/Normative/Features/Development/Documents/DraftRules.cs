using Normative.Features.Development.Ballots;
using Normative.Features.Development.Projects;

namespace Normative.Features.Development.Documents;

/// <summary>
/// How a project's drafts follow its stages: the draft each balloted stage works on (a CD at 30.00, the
/// enquiry draft at 40.00, the approval draft at 50.00), the draft a ballot is about, and each draft's
/// label in the project's list (WD 1, WD 2, CD, DIS, FDIS, proof).
/// </summary>
public static class DraftRules
{
    /// <summary>The types that are drafts of the project's text, in the order the stages reach them.</summary>
    public static readonly IReadOnlyList<DocumentType> Drafts =
        [DocumentType.WorkingDraft, DocumentType.CommitteeDraft, DocumentType.EnquiryDraft, DocumentType.ApprovalDraft, DocumentType.Proof];

    public static bool IsDraft(DocumentType type) => Drafts.Contains(type);

    /// <summary>The draft a move to <paramref name="stage"/> needs: 30.00, 40.00 and 50.00 start on one; other moves need none.</summary>
    public static DocumentType? ForStage(int stage) => stage switch
    {
        3000 => DocumentType.CommitteeDraft,
        StageCodes.DisRegistered => DocumentType.EnquiryDraft,
        5000 => DocumentType.ApprovalDraft,
        _ => null,
    };

    /// <summary>The draft a ballot of this kind is about: the CD consultation, DIS and FDIS ballots name theirs; a systematic review may name the text it reviews.</summary>
    public static DocumentType? ForBallot(BallotKind kind) => kind switch
    {
        BallotKind.CD => DocumentType.CommitteeDraft,
        BallotKind.DIS => DocumentType.EnquiryDraft,
        BallotKind.FDIS => DocumentType.ApprovalDraft,
        _ => null,
    };

    /// <summary>Whether a ballot of this kind may name a draft at all (the systematic review names any document of the project, if one is given).</summary>
    public static bool NamesDocument(BallotKind kind) => kind is BallotKind.CD or BallotKind.DIS or BallotKind.FDIS or BallotKind.SR;

    /// <summary>
    /// Who must be able to read the draft of a ballot: its committee for a CD; every member body for a
    /// DIS, FDIS or review (they go to all member bodies); the public for a public consultation.
    /// </summary>
    public static bool AudienceFits(BallotKind kind, bool publicConsultation, DocumentAudience audience) =>
        publicConsultation ? audience == DocumentAudience.Public
        : kind == BallotKind.CD || audience is DocumentAudience.MemberBodies or DocumentAudience.Public;

    /// <summary>"WD 2", "CD", "CD 2", "DIS", "FDIS", "Proof": working drafts are always numbered, the others from the second of their type.</summary>
    public static string Label(DocumentType type, int ordinal, int ofType)
    {
        var name = type switch
        {
            DocumentType.WorkingDraft => "WD",
            DocumentType.CommitteeDraft => "CD",
            DocumentType.EnquiryDraft => "DIS",
            DocumentType.ApprovalDraft => "FDIS",
            DocumentType.Proof => "Proof",
            _ => type.ToString(),
        };
        return type == DocumentType.WorkingDraft || ofType > 1 ? $"{name} {ordinal}" : name;
    }
}
