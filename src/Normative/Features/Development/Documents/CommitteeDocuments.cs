using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.Reading;
using Normative.Features.Development.Committees;
using Normative.Storage;

namespace Normative.Features.Development.Documents;

/// <summary>
/// The committee document register's operations. An upload is checked (name, title, project,
/// superseded document, then the content as it streams: not empty, not past the limit, the format its
/// extension says), and the file and its numbered row are kept in one transaction, or nothing is.
/// The caller has checked who may upload.
/// </summary>
public static class CommitteeDocuments
{
    public const int MaxTitleLength = 500;

    /// <summary>"ISO/TC 176/SC 2 N 1234".</summary>
    public static string Reference(string committeeReference, int number) => $"{committeeReference} N {number}";

    public static async Task<Attempt<CommitteeDocument>> UploadAsync(NormativeDb db, IFileStore files, DocumentLimits limits, int committeeId,
        CommitteeDocumentDraft draft, Stream content, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(draft);
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, ct);
        if (committee is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (CommitteeRules.IsDisbanded(committee))
        {
            return DevelopmentError.Conflict("Error.Document.Disbanded", committee.Reference);
        }
        var fileName = Path.GetFileName(draft.FileName?.Trim() ?? "");
        var title = draft.Title?.Trim() ?? "";
        if (title.Length == 0 || title.Length > MaxTitleLength)
        {
            return DevelopmentError.Invalid("Error.Document.Title", MaxTitleLength);
        }
        if (fileName.Length is 0 or > 255 || DocumentContent.FormatOf(fileName) is not { } format)
        {
            return DevelopmentError.Invalid("Error.Document.Extension", fileName);
        }
        if (!Enum.IsDefined(draft.Type) || !Enum.IsDefined(draft.Audience))
        {
            return DevelopmentError.Invalid("Error.Document.Type");
        }
        if (draft.ProjectId is { } projectId && !await db.Projects.AnyAsync(p => p.Id == projectId && p.CommitteeId == committeeId, ct))
        {
            return DevelopmentError.Invalid("Error.Document.Project", committee.Reference);
        }
        int? supersedesId = null;
        if (draft.SupersedesNumber is { } superseded)
        {
            supersedesId = await db.CommitteeDocuments.Where(d => d.CommitteeId == committeeId && d.Number == superseded).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            if (supersedesId is null)
            {
                return DevelopmentError.Invalid("Error.Document.Supersedes", Reference(committee.Reference, superseded));
            }
            // A draft is replaced before its ballot opens, never after (ProjectDrafts).
            if (await ProjectDrafts.CheckReplaceAsync(db, supersedesId.Value, ct) is { } underBallot)
            {
                return underBallot;
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var seen = new ContentSniffer(content);
        StoredFile file;
        try
        {
            file = await files.SaveAsync(db, seen, new FileUpload(fileName, DocumentContent.ContentType(format), limits.MaxUploadBytes), ct);
        }
        catch (FileTooLargeException)
        {
            return TooLarge(limits);
        }
        if (file.Size == 0)
        {
            return DevelopmentError.Invalid("Error.Document.Empty", fileName);
        }
        if (!DocumentContent.Matches(format, seen))
        {
            return DevelopmentError.Invalid("Error.Document.Mismatch", fileName);
        }
        if (format == DocumentFileFormat.StsXml)
        {
            await using var xml = await files.OpenReadAsync(db, file, ct);
            if (DocumentContent.CheckStsXml(xml) is { } problem)
            {
                return DevelopmentError.Invalid(problem, fileName);
            }
            // What the draft reader would refuse (an entity neither HTML nor the file declares, …) is refused now, with its reason.
            await using var text = await files.OpenReadAsync(db, file, ct);
            if (await StsXml.ProblemAsync(text, fileName, keepProcessingInstructions: true, ct) is { } reason)
            {
                return DevelopmentError.Invalid("Error.Document.StsUnreadable", fileName, reason);
            }
        }

        // Taken last, so the committee's counter row stays locked only from here to the commit.
        var number = await NextNumberAsync(db, committeeId, ct);
        var document = new CommitteeDocument
        {
            CommitteeId = committeeId, Number = number, Title = title, Type = draft.Type, DocumentDate = draft.Date, Audience = draft.Audience,
            ProjectId = draft.ProjectId, SupersedesId = supersedesId, FileId = file.Id, FileName = fileName, ContentType = file.ContentType,
            UploadedAt = now, UploadedByUserId = draft.UploadedByUserId,
        };
        db.CommitteeDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return document;
    }

    /// <summary>The refusal for a file past the limit (413), for the API's and the pages' own checks too.</summary>
    public static DevelopmentError TooLarge(DocumentLimits limits) =>
        new(StatusCodes.Status413PayloadTooLarge, "Error.Document.TooLarge", DocumentSize.Format(limits.MaxUploadBytes));

    /// <summary>
    /// The next N-number of the committee's series. The upsert locks the committee's counter row until
    /// the caller's transaction ends: a concurrent upload waits, then takes the next number; a rolled
    /// back upload gives its number back. Call it inside the transaction that inserts the document.
    /// </summary>
    public static async Task<int> NextNumberAsync(NormativeDb db, int committeeId, CancellationToken ct = default) =>
        (await db.Database.SqlQuery<int>($"""
            INSERT INTO committee_document_counters (committee_id, last) VALUES ({committeeId}, 1)
            ON CONFLICT (committee_id) DO UPDATE SET last = committee_document_counters.last + 1
            RETURNING last AS "Value"
            """).ToListAsync(ct)).Single();
}
