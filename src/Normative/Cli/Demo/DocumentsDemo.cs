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
    public static async Task LoadAsync(NormativeDb db, Dictionary<string, Committee> committees, string managerId, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.CommitteeDocuments.AnyAsync(ct))
        {
            return;
        }
        var files = new PostgresFileStore(NullLogger<PostgresFileStore>.Instance, TimeProvider.System);
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var iso9001 = await db.Projects.Where(p => p.Reference == "ISO 9001").Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var documents = new (string Committee, string Title, DocumentType Type, DocumentAudience Audience, int DaysAgo, int? Project, int? Supersedes)[]
        {
            ("ISO/TC 176/SC 2", "Resolutions of the 38th plenary meeting, London", DocumentType.MinutesAndResolutions, DocumentAudience.Public, 196, null, null),
            ("ISO/TC 176/SC 2", "Minutes of the 38th plenary meeting, London", DocumentType.MinutesAndResolutions, DocumentAudience.MemberBodies, 190, null, null),
            ("ISO/TC 176/SC 2", "ISO 9001 — Quality management systems — Requirements, working draft 1", DocumentType.WorkingDraft, DocumentAudience.Committee, 150, iso9001, null),
            ("ISO/TC 176/SC 2", "ISO 9001 — Quality management systems — Requirements, working draft 2", DocumentType.WorkingDraft, DocumentAudience.Committee, 90, iso9001, 3),
            ("ISO/TC 176/SC 2", "Draft agenda of the 39th plenary meeting, Geneva", DocumentType.Agenda, DocumentAudience.Committee, 20, null, null),
            ("ISO/IEC JTC 1/SC 27", "Programme of work and liaison report", DocumentType.Other, DocumentAudience.Public, 40, null, null),
            ("ISO/IEC JTC 1/SC 27", "National body contribution on the scope of the next revision", DocumentType.NationalBodyContribution, DocumentAudience.Committee, 10, null, null),
        };
        var numbers = new Dictionary<int, int>();
        foreach (var d in documents)
        {
            if (!committees.TryGetValue(d.Committee, out var committee))
            {
                continue;
            }
            // The registers are empty: the numbers follow from 1.
            var next = numbers[committee.Id] = numbers.GetValueOrDefault(committee.Id) + 1;
            var pdf = SamplePdf.Create(CommitteeDocuments.Reference(committee.Reference, next), d.Title, "en", 2);
            var uploaded = await CommitteeDocuments.UploadAsync(db, files, new DocumentLimits(), committee.Id,
                new CommitteeDocumentDraft($"{committee.Slug}-n{next}.pdf", d.Title, d.Type, day.AddDays(-d.DaysAgo), d.Audience, d.Project, d.Supersedes, managerId),
                new MemoryStream(pdf), now.AddDays(-d.DaysAgo), ct);
            if (uploaded.Succeeded)
            {
                // Demo documents are history, not news: no daily mail about them.
                uploaded.Value.NotifiedAt = now;
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
