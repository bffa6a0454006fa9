using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Comments;
using Normative.Features.Development.Projects;
using Normative.Features.Shared;
using Normative.Storage;
using Normative.Web;

namespace Normative.Features.Development.Documents;

/// <summary>
/// The documents closing a ballot files in its committee's register, as the next N-numbers: the
/// result (PDF: counts, rule, outcome, every vote) and the member bodies' compiled comments in clause
/// order (.docx and CSV), for the committee's members, whom the closing mail tells. All in the
/// closing transaction, so a ballot is never closed without its documents, nor filed twice.
/// The result PDF is in each of the site's languages; the compiled comments, in the default one, as the ballot mails are.
/// </summary>
public sealed class BallotDocuments(IFileStore files, IStringLocalizer<DevelopmentText> t, IOptions<OrganizationOptions> organization)
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <returns>The filed documents' N-references, "ISO/TC 176 N 12, ISO/TC 176 N 13, ISO/TC 176 N 14", for the closing mail.</returns>
    public async Task<string> FileAsync(NormativeDb db, Ballot ballot, Project project, Committee committee, BallotTally tally, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(committee);
        using var _ = CultureScope.Use(Cultures.Default);
        var reference = ProjectReference.ForBallot(project, ballot.Kind);
        var slug = DevelopmentFormat.Slug(reference);
        var draft = ballot.DocumentId is { } draftId
            ? await db.CommitteeDocuments.Where(d => d.Id == draftId).Select(d => (int?)d.Number).FirstOrDefaultAsync(ct)
            : null;

        var positions = await BallotActions.PositionsAsync(db, ballot, ct);
        var resultNumber = await CommitteeDocuments.NextNumberAsync(db, committee.Id, ct);
        var draftReference = draft is { } n ? CommitteeDocuments.Reference(committee.Reference, n) : null;
        // The result is read by delegates of every member body: the PDF states it in each of the site's
        // languages, the default first (it names the document).
        var sheets = Cultures.Supported.Select(c => c.Code).OrderBy(c => c == Cultures.Default ? 0 : 1).Select(code =>
        {
            using var __ = CultureScope.Use(code);
            return BallotResultSheet.Build(ballot, project, committee, tally, positions, draftReference, t);
        }).ToList();
        var pdf = BallotResultPdf.Create(sheets, organization.Value.Name, CommitteeDocuments.Reference(committee.Reference, resultNumber));
        var result = await SaveAsync(db, committee.Id, resultNumber, sheets[0].Title, DocumentType.BallotResult, $"{slug}-result.pdf", "application/pdf", pdf, project.Id, now, ct);

        var comments = await CommentActions.CompiledAsync(db, ballot.Id, false, null, ct);
        // The public consultation's comments go to the committee with the member bodies', marked as the public's.
        var publicComments = ballot.PublicConsultation ? await CommentActions.CompiledAsync(db, ballot.Id, true, null, ct) : [];
        var title = t["Comments.DocTitle", reference].Value;
        var subtitle = t["Comments.DocSubtitle", committee.Reference, t["BallotKind." + ballot.Kind], DevelopmentFormat.Time(now), comments.Count].Value;
        var headings = CommentTables.Headings(t);
        var publicLabel = t["Comments.PublicLabel"].Value;
        var publicPart = publicComments.Count > 0 ? (t["FiledDoc.PublicComments", publicComments.Count].Value, publicComments) : ((string, IReadOnlyList<BallotComment>)?)null;
        var docx = await SaveAsync(db, committee.Id, await CommitteeDocuments.NextNumberAsync(db, committee.Id, ct), title, DocumentType.CompiledComments,
            $"{slug}-comments.docx", Docx, CommentTables.Docx(title, subtitle, headings, comments, publicLabel, publicPart), project.Id, now, ct);
        var csv = await SaveAsync(db, committee.Id, await CommitteeDocuments.NextNumberAsync(db, committee.Id, ct), t["FiledDoc.CsvTitle", title].Value, DocumentType.CompiledComments,
            $"{slug}-comments.csv", "text/csv", CommentTables.Csv(headings, comments.Concat(publicComments), publicLabel), project.Id, now, ct);
        ballot.ResultDocumentId = result.Id;
        ballot.CommentsDocumentId = docx.Id;
        ballot.CommentsCsvDocumentId = csv.Id;

        return string.Join(", ", new[] { result, docx, csv }.Select(d => CommitteeDocuments.Reference(committee.Reference, d.Number)));
    }

    /// <summary>A document the platform made: its file and its row, under the number already taken, read by the committee's members.</summary>
    private async Task<CommitteeDocument> SaveAsync(NormativeDb db, int committeeId, int number, string title, DocumentType type, string fileName, string contentType,
        byte[] content, int projectId, DateTimeOffset now, CancellationToken ct)
    {
        await using var stream = new MemoryStream(content, writable: false);
        var file = await files.SaveAsync(db, stream, new FileUpload(fileName, contentType, long.MaxValue), ct);
        var document = new CommitteeDocument
        {
            CommitteeId = committeeId,
            Number = number,
            Title = title.Length > CommitteeDocuments.MaxTitleLength ? title[..CommitteeDocuments.MaxTitleLength] : title,
            Type = type,
            DocumentDate = DateOnly.FromDateTime(now.UtcDateTime),
            Audience = DocumentAudience.Committee,
            ProjectId = projectId,
            FileId = file.Id,
            FileName = fileName,
            ContentType = contentType,
            UploadedAt = now,
            // The members are told by the closing mail; the daily list of new documents need not repeat it.
            NotifiedAt = now,
        };
        db.CommitteeDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        return document;
    }
}
