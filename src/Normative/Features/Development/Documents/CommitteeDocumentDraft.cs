namespace Normative.Features.Development.Documents;

/// <summary>
/// What an upload says about the document besides its content: the file's name (its extension says
/// PDF, .docx or STS XML), the title, type, date and audience, the project it belongs to and the
/// N-number of the document it supersedes in the same committee; who uploaded it (null: the platform).
/// </summary>
public sealed record CommitteeDocumentDraft(
    string FileName,
    string Title,
    DocumentType Type,
    DateOnly Date,
    DocumentAudience Audience,
    int? ProjectId = null,
    int? SupersedesNumber = null,
    string? UploadedByUserId = null);
