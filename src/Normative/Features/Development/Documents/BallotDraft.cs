using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Development.Ballots;
using Normative.Storage;

namespace Normative.Features.Development.Documents;

/// <summary>
/// The draft a ballot names, as the ballot's pages use it: the register's document and its file, its
/// N-reference and, for STS XML, the text read for its clauses (<see cref="StsReader"/>).
/// </summary>
public sealed record BallotDraft(CommitteeDocument Document, StoredFile File, string Reference, StsDraft? Text)
{
    public bool IsSts => DocumentContent.FormatOf(Document.FileName) == DocumentFileFormat.StsXml;

    /// <summary>The ballot's draft, read (when it is STS XML and <paramref name="read"/>) from the file store; null when the ballot names none.</summary>
    public static async Task<BallotDraft?> LoadAsync(NormativeDb db, IFileStore files, Ballot ballot, string committeeReference, bool read, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(ballot);
        if (ballot.DocumentId is not { } id)
        {
            return null;
        }
        var row = await (from d in db.CommitteeDocuments
                         join f in db.StoredFiles on d.FileId equals f.Id
                         where d.Id == id
                         select new { d, f }).AsNoTracking().SingleAsync(ct);
        StsDraft? text = null;
        if (read && DocumentContent.FormatOf(row.d.FileName) == DocumentFileFormat.StsXml)
        {
            await using var stream = await files.OpenReadAsync(db, row.f, ct);
            text = StsReader.Read(stream, out _);
        }
        return new BallotDraft(row.d, row.f, CommitteeDocuments.Reference(committeeReference, row.d.Number), text);
    }
}
