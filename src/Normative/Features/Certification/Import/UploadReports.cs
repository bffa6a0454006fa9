using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Normative.Data;

namespace Normative.Features.Certification.Import;

/// <summary>
/// The report of an upload across the redirect that follows it (post-redirect-get): the counts are
/// stored with the upload (certificate_uploads); the list of rejected rows, up to a thousand of them
/// and far too large for a cookie, is kept in this instance's memory for <see cref="Lifetime"/>. A
/// report read back later, or on another instance, has the counts only and says so.
/// </summary>
public static class UploadReports
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static void Keep(IMemoryCache cache, ImportResult result)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(result);
        cache.Set(Key(result.UploadId), result.Problems, Lifetime);
    }

    /// <returns>
    /// The report of upload <paramref name="uploadId"/>, and whether its rejected rows are all listed in
    /// it; null when certification body <paramref name="bodyId"/> made no such upload.
    /// </returns>
    public static async Task<(ImportResult Result, bool RowsListed)?> FindAsync(NormativeDb db, IMemoryCache cache, int bodyId, long uploadId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cache);
        var upload = await db.CertificateUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == uploadId && u.CertificationBodyId == bodyId, ct);
        if (upload is null)
        {
            return null;
        }
        var listed = cache.TryGetValue(Key(uploadId), out IReadOnlyList<ImportProblem>? problems);
        var result = new ImportResult(upload.Id, upload.TotalRows, upload.Inserted, upload.Updated, upload.Unchanged, upload.Rejected, upload.Loaded, null, problems ?? []);
        return (result, listed || upload.Rejected == 0);
    }

    private static (string, long) Key(long uploadId) => ("certificate-upload-report", uploadId);
}
