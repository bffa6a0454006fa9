using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.Reading;

namespace Normative.Features.Store.Orders;

/// <summary>
/// The store's answer to the reader: whoever bought reading online, or the PDF, of a deliverable in
/// a language (paid, not refunded) reads its whole text online in that language.
/// </summary>
internal sealed class StoreReadingLicences(NormativeDb db) : IReadingLicences
{
    public Task<bool> HoldsAsync(string userId, int deliverableId, string language, CancellationToken ct) =>
        (from l in db.OrderLines
         join o in db.Orders on l.OrderId equals o.Id
         where o.UserId == userId && l.DeliverableId == deliverableId && l.Language == language
               && (l.Format == ProductFormat.Online || l.Format == ProductFormat.Pdf)
               && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Fulfilled)
         select l.Id).AnyAsync(ct);
}
