using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Shared;
using Normative.Storage;

namespace Normative.Features.Development.Documents;

/// <summary>
/// /api/v1/committees/{id}/documents: the committee's register (what the caller may read), a
/// document, its file, and uploads (multipart, streamed to the store as they arrive) by the
/// committee's manager, its secretariat's administrators and administrators.
/// </summary>
public static class DocumentsApi
{
    /// <summary>Room for the multipart envelope and the fields around the file, above the file's own limit.</summary>
    public const long MultipartAllowance = 1024 * 1024;

    private const int MaxFieldLength = 10_000;

    public sealed record DocumentResponse(int CommitteeId, string Committee, int Number, string Reference, string Title, string Type, DateOnly Date, string Audience,
        int? ProjectId, string? Project, int? Supersedes, int? SupersededBy, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt,
        string Url, string FileUrl);

    public sealed record DocumentListResponse(int Total, int Page, int PageCount, List<DocumentResponse> Documents);

    /// <summary>The upload's form, for the OpenAPI document: the fields first, the file last (it is stored as it streams in).</summary>
    /// <param name="Title">At most 500 characters.</param>
    /// <param name="Type">WorkingDraft, CommitteeDraft, EnquiryDraft, ApprovalDraft, Proof, Agenda, MinutesAndResolutions, CompiledComments, BallotResult, NationalBodyContribution or Other.</param>
    /// <param name="Date">yyyy-MM-dd; today when absent.</param>
    /// <param name="Audience">Committee (default), MemberBodies or Public.</param>
    /// <param name="Project">The id of one of the committee's projects.</param>
    /// <param name="Supersedes">The N-number of the committee's document this one replaces.</param>
    /// <param name="File">A PDF (.pdf), Word document (.docx) or STS XML (.xml).</param>
    public sealed record DocumentUploadForm(string Title, string Type, string? Date, string? Audience, int? Project, int? Supersedes, IFormFile File);

    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/committees").WithTags("Committee documents");
        group.MapGet("/{id:int}/documents", ListAsync).WithName("GetCommitteeDocuments")
            .WithSummary("The committee's register, newest N-number first, 50 a page: only the documents the caller may read. Filters: type, project (id), from and to (the document's date), q (words of the title).");
        group.MapGet("/{id:int}/documents/{number:int}", GetAsync).WithName("GetCommitteeDocument")
            .WithSummary("A document's record: N-number, type, audience, file name, size and SHA-256. 403 for a signed-in caller outside its audience, 404 for an anonymous one.");
        group.MapGet("/{id:int}/documents/{number:int}/file", DownloadAsync).WithName("DownloadCommitteeDocument")
            .WithSummary("The document's file, streamed, with its SHA-256 in Repr-Digest and ETag (the transfer is cut off if the stored bytes no longer match). Same access as the record.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        group.MapPost("/{id:int}/documents", UploadAsync).RequireAuthorization().WithName("UploadCommitteeDocument")
            .WithSummary("Adds a document to the register with the next N-number: multipart/form-data, the fields before the file. The committee's manager, its secretariat's administrators or an administrator. 400 for an empty file, a type that does not match the extension or malformed XML; 413 past the size limit; nothing is stored then.")
            .Accepts<DocumentUploadForm>("multipart/form-data");
        return app;
    }

    private static DocumentResponse ToResponse(Committee committee, DocumentRow row) =>
        new(committee.Id, committee.Reference, row.Document.Number, CommitteeDocuments.Reference(committee.Reference, row.Document.Number), row.Document.Title,
            row.Document.Type.ToString(), row.Document.DocumentDate, row.Document.Audience.ToString(), row.Document.ProjectId, row.Project, row.Supersedes, row.SupersededBy,
            row.Document.FileName, row.Document.ContentType, row.Size, row.Sha256, row.Document.UploadedAt,
            DocumentLinks.Document(committee.Slug, row.Document.Number), DocumentLinks.ApiFile(committee.Id, row.Document.Number));

    private static ProblemHttpResult Refused(DocumentReader reader, Committee committee, IStringLocalizer<DevelopmentText> t) =>
        DocumentAccess.RefusalStatus(reader) == StatusCodes.Status403Forbidden
            ? DevelopmentApi.Problem(DevelopmentError.Forbidden("Error.Document.NotReader", committee.Reference), t)
            : DevelopmentApi.NotFound(t);

    private static async Task<Results<Ok<DocumentListResponse>, ProblemHttpResult>> ListAsync(int id, string? type, int? project, DateOnly? from, DateOnly? to, string? q, int? page,
        ClaimsPrincipal user, NormativeDb db, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        DocumentType? documentType = null;
        if (!string.IsNullOrEmpty(type))
        {
            if (!Enum.TryParse<DocumentType>(type, true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Document.Type"), t);
            }
            documentType = parsed;
        }
        var audiences = DocumentAccess.Audiences(await DocumentAccess.ReaderAsync(db, user, committee, ct));
        var rows = DocumentRegister.Rows(db, id, audiences, new DocumentFilter(documentType, project, from, to, q));
        var total = await rows.CountAsync(ct);
        var pages = Pager.Pages(total, DocumentRegister.PageSize);
        var current = Math.Clamp(page ?? 1, 1, pages);
        var list = await rows.Skip((current - 1) * DocumentRegister.PageSize).Take(DocumentRegister.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new DocumentListResponse(total, current, pages, [.. list.Select(r => ToResponse(committee, r))]));
    }

    /// <summary>The committee and the document when the caller may read it; otherwise the refusal.</summary>
    private static async Task<(Committee? Committee, DocumentRow? Row, ProblemHttpResult? Refusal)> ReadableAsync(int id, int number, ClaimsPrincipal user, NormativeDb db,
        IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return (null, null, DevelopmentApi.NotFound(t));
        }
        var reader = await DocumentAccess.ReaderAsync(db, user, committee, ct);
        var all = Enum.GetValues<DocumentAudience>();
        var row = await DocumentRegister.Rows(db, id, all, new DocumentFilter(Number: number)).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return (committee, null, DevelopmentApi.NotFound(t));
        }
        return DocumentAccess.CanRead(reader, row.Document) ? (committee, row, null) : (committee, null, Refused(reader, committee, t));
    }

    private static async Task<Results<Ok<DocumentResponse>, ProblemHttpResult>> GetAsync(int id, int number, ClaimsPrincipal user, NormativeDb db,
        IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var (committee, row, refusal) = await ReadableAsync(id, number, user, db, t, ct);
        return refusal ?? (Results<Ok<DocumentResponse>, ProblemHttpResult>)TypedResults.Ok(ToResponse(committee!, row!));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(int id, int number, HttpContext context, ClaimsPrincipal user, NormativeDb db,
        IFileStore files, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var (_, row, refusal) = await ReadableAsync(id, number, user, db, t, ct);
        return refusal ?? (Results<FileStreamHttpResult, ProblemHttpResult>)await DocumentDownload.ResultAsync(context, db, files, row!.Document, ct);
    }

    private static async Task<Results<Created<DocumentResponse>, ProblemHttpResult>> UploadAsync(int id, HttpContext context, ClaimsPrincipal user, NormativeDb db,
        IFileStore files, IOptions<DocumentLimits> options, TimeProvider clock, IStringLocalizer<DevelopmentText> t, CancellationToken ct)
    {
        var limits = options.Value;
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return DevelopmentApi.NotFound(t);
        }
        if (!await DocumentAccess.MayUploadAsync(db, user, committee, ct))
        {
            return DevelopmentApi.Problem(DevelopmentError.Forbidden("Error.Document.NotUploader", committee.Reference), t);
        }
        var request = context.Request;
        var allowed = limits.MaxUploadBytes + MultipartAllowance;
        if (request.ContentLength > allowed)
        {
            return DevelopmentApi.Problem(CommitteeDocuments.TooLarge(limits), t);
        }
        // Kestrel's own limit (30 MB) is raised for this endpoint only, to the register's.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = allowed;
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Document.Multipart"), t);
        }
        try
        {
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.Name.Value is not { } name)
                {
                    continue;
                }
                if (disposition.IsFileDisposition())
                {
                    var draft = Draft(fields, HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "",
                        user.UserId(), clock);
                    if (!draft.Succeeded)
                    {
                        return DevelopmentApi.Problem(draft.Error, t);
                    }
                    var uploaded = await CommitteeDocuments.UploadAsync(db, files, limits, id, draft.Value, section.Body, clock.GetUtcNow(), ct);
                    if (!uploaded.Succeeded)
                    {
                        return DevelopmentApi.Problem(uploaded.Error, t);
                    }
                    var row = await DocumentRegister.Rows(db, id, Enum.GetValues<DocumentAudience>(), new DocumentFilter(Number: uploaded.Value.Number)).SingleAsync(ct);
                    return TypedResults.Created(DocumentLinks.ApiDocument(id, row.Document.Number), ToResponse(committee, row));
                }
                var value = await ReadFieldAsync(section.Body, ct);
                if (value is null)
                {
                    return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Document.Multipart"), t);
                }
                fields[name] = value;
            }
            return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Document.NoFile"), t);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return DevelopmentApi.Problem(CommitteeDocuments.TooLarge(limits), t);
        }
        catch (IOException e) when (e is not Storage.FileCorruptException && !ct.IsCancellationRequested)
        {
            // A multipart body that ends too soon or is not multipart at all.
            return DevelopmentApi.Problem(DevelopmentError.Invalid("Error.Document.Multipart"), t);
        }
    }

    /// <summary>A form field's text, or null past <see cref="MaxFieldLength"/> characters (never a field held whole whatever its size).</summary>
    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        using var reader = new StreamReader(body);
        var buffer = new char[MaxFieldLength + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        return read > MaxFieldLength ? null : new string(buffer, 0, read);
    }

    /// <summary>The document's description from the form's fields; the file's name from its part.</summary>
    public static Attempt<CommitteeDocumentDraft> Draft(IReadOnlyDictionary<string, string> fields, string fileName, string? userId, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(clock);
        string? Field(string name) => fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        if (!Enum.TryParse<DocumentType>(Field("type") ?? "", true, out var type) || !Enum.IsDefined(type)
            || !Enum.TryParse<DocumentAudience>(Field("audience") ?? nameof(DocumentAudience.Committee), true, out var audience) || !Enum.IsDefined(audience))
        {
            return DevelopmentError.Invalid("Error.Document.Type");
        }
        var date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (Field("date") is { } d && !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return DevelopmentError.Invalid("Error.Document.Date", d);
        }
        int? project = null;
        if (Field("project") is { } p)
        {
            if (!int.TryParse(p, CultureInfo.InvariantCulture, out var projectId))
            {
                return DevelopmentError.Invalid("Error.Document.Project", p);
            }
            project = projectId;
        }
        int? supersedes = null;
        if (Field("supersedes") is { } s)
        {
            if (!int.TryParse(s, CultureInfo.InvariantCulture, out var number))
            {
                return DevelopmentError.Invalid("Error.Document.Supersedes", s);
            }
            supersedes = number;
        }
        return new CommitteeDocumentDraft(fileName, Field("title") ?? "", type, date, audience, project, supersedes, userId);
    }
}
