using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Seats;

namespace Normative.Features.Store.Delivery;

/// <summary>My downloads: every PDF and read-online licence of the buyer, the seats of organisations' licences given to them, and the switch for alerts about bought standards.</summary>
[Authorize]
public class DownloadsModel(NormativeDb db, TimeProvider clock, IStringLocalizer<StoreText> s) : PageModel
{
    /// <param name="Seat">The seat of a multi-user licence the person holds (bought by <paramref name="Organization"/>); null for their own licence.</param>
    public sealed record Licence(OrderLine Line, string OrderNumber, OrderStatus Status, bool FileReady, OrderSeat? Seat = null, string? Organization = null)
    {
        public int DownloadsUsed => Seat?.DownloadsUsed ?? Line.DownloadsUsed;
        public int DownloadLimit => Seat?.DownloadLimit ?? Line.DownloadLimit;
    }

    public List<Licence> Licences { get; private set; } = [];
    public bool AlertsEnabled { get; private set; } = true;

    public async Task OnGetAsync() => await LoadAsync();

    /// <param name="enabled">What the switch turns alerts to.</param>
    public async Task<IActionResult> OnPostAlertsAsync(bool enabled)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        var userId = User.UserId()!;
        var settings = await db.BuyerSettings.SingleOrDefaultAsync(x => x.UserId == userId);
        if (settings is null)
        {
            settings = new BuyerSettings { UserId = userId };
            db.BuyerSettings.Add(settings);
        }
        settings.AlertsEnabled = enabled;
        settings.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        TempData.SetNotice(s[enabled ? "Alerts.TurnedOn" : "Alerts.TurnedOff"]);
        return Redirect(StoreLinks.Downloads());
    }

    private async Task LoadAsync()
    {
        var userId = User.UserId()!;
        var ct = HttpContext.RequestAborted;
        // A multi-user licence is not its buyer's to download: its seats are, whoever holds them.
        // Seats of a subscription are listed with the subscriptions, below.
        var held = (await SeatActions.HeldByAsync(db, userId, ct)).Where(h => h.Line.Format == ProductFormat.Pdf).ToList();
        var rows = await (
                from l in db.OrderLines
                join o in db.Orders on l.OrderId equals o.Id
                where o.UserId == userId && (l.Format == ProductFormat.Pdf || l.Format == ProductFormat.Online) && !(l.Format == ProductFormat.Pdf && l.Quantity > 1)
                orderby o.PlacedAt descending, l.LineNumber
                select new { Line = l, o.Number, o.Status })
            .AsNoTracking()
            .ToListAsync();
        // Only PDF and read-online lines are listed: each names a deliverable (a subscription line does not).
        var ids = rows.Select(r => r.Line.DeliverableId!.Value).Concat(held.Select(h => h.Line.DeliverableId!.Value)).Distinct().ToList();
        var files = (await db.SourceFiles.AsNoTracking().Where(f => ids.Contains(f.DeliverableId)).Select(f => new { f.DeliverableId, f.Language }).ToListAsync())
            .Select(f => (f.DeliverableId, f.Language)).ToHashSet();
        Licences = held.Select(h => new Licence(h.Line, h.OrderNumber, h.Status, files.Contains((h.Line.DeliverableId!.Value, h.Line.Language)), h.Seat, h.OrganizationName))
            .Concat(rows.Select(r => new Licence(r.Line, r.Number, r.Status, files.Contains((r.Line.DeliverableId!.Value, r.Line.Language)))))
            .ToList();
        AlertsEnabled = await db.BuyerSettings.Where(x => x.UserId == userId).Select(x => (bool?)x.AlertsEnabled).SingleOrDefaultAsync() ?? true;
    }
}
