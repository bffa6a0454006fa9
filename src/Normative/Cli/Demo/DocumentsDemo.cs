using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Documents;
using Normative.Features.Store.Pdf;
using Normative.Storage;

namespace Normative.Cli.Demo;

/// <summary>
/// A few numbered documents in two demo committees' registers, once: small sample PDFs made with
/// PDFsharp (marked as samples), uploaded through the register's own operation so they are
/// stored, checked and numbered as real ones are, each audience represented.
/// </summary>
internal static class DocumentsDemo
{
    private const string FirstTitle = "Resolutions of the 38th plenary meeting, London";

    public static async Task LoadAsync(NormativeDb db, Dictionary<string, Committee> committees, string managerId, DateTimeOffset now, CancellationToken ct)
    {
        // The project moves have filed their drafts by now (DraftsDemo): these come after them in the registers.
        if (await db.CommitteeDocuments.AnyAsync(d => d.Title == FirstTitle, ct))
        {
            return;
        }
        var files = new PostgresFileStore(NullLogger<PostgresFileStore>.Instance, TimeProvider.System);
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var iso9001 = await db.Projects.Where(p => p.Reference == "ISO 9001").Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var documents = new (string Committee, string Title, DocumentType Type, DocumentAudience Audience, int DaysAgo, int? Project, int? Supersedes)[]
        {
            // Supersedes: the place in this list of the document it replaces.
            ("ISO/TC 176/SC 2", FirstTitle, DocumentType.MinutesAndResolutions, DocumentAudience.Public, 196, null, null),
            ("ISO/TC 176/SC 2", "Minutes of the 38th plenary meeting, London", DocumentType.MinutesAndResolutions, DocumentAudience.MemberBodies, 190, null, null),
            ("ISO/TC 176/SC 2", "ISO 9001 — Quality management systems — Requirements, working draft 1", DocumentType.WorkingDraft, DocumentAudience.Committee, 150, iso9001, null),
            ("ISO/TC 176/SC 2", "ISO 9001 — Quality management systems — Requirements, working draft 2", DocumentType.WorkingDraft, DocumentAudience.Committee, 90, iso9001, 2),
            ("ISO/TC 176/SC 2", "Draft agenda of the 39th plenary meeting, Geneva", DocumentType.Agenda, DocumentAudience.Committee, 20, null, null),
            ("ISO/IEC JTC 1/SC 27", "Programme of work and liaison report", DocumentType.Other, DocumentAudience.Public, 40, null, null),
            ("ISO/IEC JTC 1/SC 27", "National body contribution on the scope of the next revision", DocumentType.NationalBodyContribution, DocumentAudience.Committee, 10, null, null),
        };
        var numbers = new Dictionary<int, int>();
        var filed = new Dictionary<int, int>();
        for (var i = 0; i < documents.Length; i++)
        {
            var d = documents[i];
            if (!committees.TryGetValue(d.Committee, out var committee))
            {
                continue;
            }
            if (!numbers.TryGetValue(committee.Id, out var last))
            {
                last = await db.CommitteeDocuments.Where(c => c.CommitteeId == committee.Id).MaxAsync(c => (int?)c.Number, ct) ?? 0;
            }
            var next = numbers[committee.Id] = last + 1;
            var pdf = SamplePdf.Create(CommitteeDocuments.Reference(committee.Reference, next), d.Title, "en", 2);
            var uploaded = await CommitteeDocuments.UploadAsync(db, files, new DocumentLimits(), committee.Id,
                new CommitteeDocumentDraft($"{committee.Slug}-n{next}.pdf", d.Title, d.Type, day.AddDays(-d.DaysAgo), d.Audience, d.Project, d.Supersedes is { } place && filed.TryGetValue(place, out var replaced) ? replaced : null, managerId),
                new MemoryStream(pdf), now.AddDays(-d.DaysAgo), ct);
            if (uploaded.Succeeded)
            {
                filed[i] = next;
                // Demo documents are history, not news: no daily mail about them.
                uploaded.Value.NotifiedAt = now;
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
