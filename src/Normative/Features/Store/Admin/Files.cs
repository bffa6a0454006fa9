using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Store.Delivery;
using Normative.Features.Store.Orders;

namespace Normative.Features.Store.Admin;

/// <summary>Source PDFs: saving one (replacing the language's previous file) and the PDFs sold that still have none.</summary>
public static class Files
{
    public const int MaxBytes = 100_000_000;

    public sealed record Missing(int DeliverableId, string Reference, string Language);

    /// <summary>
    /// Saves the language's master file. When it is the first one, every buyer who paid for that PDF
    /// and has waited for it is mailed, in the same transaction.
    /// </summary>
    public static async Task SaveAsync(NormativeDb db, StoreMail? mail, int deliverableId, string language, string fileName, byte[] content, int pages, string by, DateTimeOffset now)
    {
        var file = await db.SourceFiles.SingleOrDefaultAsync(f => f.DeliverableId == deliverableId && f.Language == language);
        if (file is null)
        {
            file = new SourceFile { DeliverableId = deliverableId, Language = language, FileName = "", Content = [], Sha256 = "", UploadedBy = by };
            db.SourceFiles.Add(file);
            if (mail is not null)
            {
                await TellWaitingBuyersAsync(db, mail, deliverableId, language);
            }
        }
        file.FileName = fileName.Length > 255 ? fileName[^255..] : fileName;
        file.Content = content;
        file.Size = content.Length;
        file.PageCount = pages;
        file.Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        file.UploadedAt = now;
        file.UploadedBy = by;
        await db.SaveChangesAsync();
    }

    private static async Task TellWaitingBuyersAsync(NormativeDb db, StoreMail mail, int deliverableId, string language)
    {
        var waiting = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Paid || o.Status == OrderStatus.Fulfilled)
            .Select(o => new { Order = o, Line = o.Lines.FirstOrDefault(l => l.Format == ProductFormat.Pdf && l.DeliverableId == deliverableId && l.Language == language) })
            .Where(x => x.Line != null)
            .ToListAsync();
        foreach (var w in waiting)
        {
            mail.QueueFileReady(db, w.Order, w.Line!.Reference, language);
        }
    }

    /// <summary>PDF licences sold (paid) whose language has no source file yet: their buyers wait.</summary>
    public static async Task<List<Missing>> MissingAsync(NormativeDb db, int take)
    {
        var rows = await Unfiled(db).OrderBy(m => m.Reference).ThenBy(m => m.Language).Take(take).ToListAsync();
        return rows.Select(r => new Missing(r.DeliverableId, r.Reference, r.Language)).ToList();
    }

    public static Task<int> CountMissingAsync(NormativeDb db) => Unfiled(db).CountAsync();

    private static IQueryable<MissingRow> Unfiled(NormativeDb db) =>
        (from l in db.OrderLines
         join o in db.Orders on l.OrderId equals o.Id
         where l.Format == ProductFormat.Pdf && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Fulfilled)
         where !db.SourceFiles.Any(f => f.DeliverableId == l.DeliverableId && f.Language == l.Language)
         select new MissingRow { DeliverableId = l.DeliverableId!.Value, Reference = l.Reference, Language = l.Language })
        .Distinct();

    private sealed class MissingRow
    {
        public int DeliverableId { get; init; }
        public string Reference { get; init; } = "";
        public string Language { get; init; } = "";
    }
}
