using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Normative.Data;
using Normative.Storage;

namespace Normative.Features.Development.Documents;

/// <summary>
/// A document's file as a response: streamed from the store with its length, name and checksum
/// (Repr-Digest, RFC 9530; the ETag is the SHA-256 too), or the byte range asked for (206). The store
/// checks the bytes of a whole file as they go: one that no longer matches is cut off and logged, never
/// delivered complete.
/// </summary>
public static class DocumentDownload
{
    public static async Task<FileStreamHttpResult> ResultAsync(HttpContext context, NormativeDb db, IFileStore files, CommitteeDocument document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(document);
        var file = await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == document.FileId, ct);
        var content = await files.OpenReadAsync(db, file, ct);
        context.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(file.Sha256))}:";
        context.Response.Headers.CacheControl = document.Audience == DocumentAudience.Public ? "public, max-age=3600" : "private, no-store";
        // Ranges (a resumed download, a PDF viewer reading a page) are served by positioning the store's
        // stream; If-Range against the SHA-256 ETag keeps a resumed download from mixing two files.
        return TypedResults.Stream(content, document.ContentType, document.FileName, document.UploadedAt, new EntityTagHeaderValue($"\"{file.Sha256}\""),
            enableRangeProcessing: true);
    }
}
