using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Pdf;
using Normative.Features.Store.Seats;

namespace Normative.Features.Store.Delivery;

/// <summary>
/// One licensed PDF: its page, and the download itself, stamped on every page for the licence
/// holder. Only the buyer may download (403 for anyone else); each download counts, and the
/// database refuses one beyond the licence's limit. A multi-user licence is downloaded by the
/// holders of its seats instead, each stamped with their name and the organisation's, each
/// counted on the seat.
/// </summary>
[Authorize]
public partial class DownloadModel(NormativeDb db, TimeProvider clock) : PageModel
{
    public enum State
    {
        Ready,
        NotPaid,
        Preparing,
        LimitReached,
    }

    public OrderLine Line { get; private set; } = null!;
    public Order Order { get; private set; } = null!;
    public State Status { get; private set; }
    /// <summary>The person's seat, when the line is a multi-user licence.</summary>
    public SeatActions.Held? Seat { get; private set; }
    public string Holder => Seat?.Seat.HolderName ?? Order.LicenceHolder ?? Order.BillingName;
    public int DownloadsUsed => Seat?.Seat.DownloadsUsed ?? Line.DownloadsUsed;
    public int DownloadLimit => Seat?.Seat.DownloadLimit ?? Line.DownloadLimit;

    public async Task<IActionResult> OnGetAsync(long line)
    {
        if (await LoadAsync(line) is { } refusal)
        {
            return refusal;
        }
        return Page();
    }

    /// <summary>The download itself: the answer is the stamped file, not a page, so there is nothing to redirect to.</summary>
    public async Task<IActionResult> OnPostAsync(long line)
    {
        if (await LoadAsync(line) is { } refusal)
        {
            return refusal;
        }
        if (Status != State.Ready)
        {
            return new PageResult { StatusCode = Status == State.LimitReached ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict };
        }
        var ct = HttpContext.RequestAborted;
        var source = await db.SourceFiles.AsNoTracking().SingleAsync(f => f.DeliverableId == Line.DeliverableId && f.Language == Line.Language, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var counted = Seat is not null
            ? await SeatActions.CountDownloadAsync(db, Seat.Seat, User.UserId()!, ct) ? 1 : 0
            : await db.OrderLines
                .Where(l => l.Id == Line.Id && l.DownloadsUsed < l.DownloadLimit)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.DownloadsUsed, l => l.DownloadsUsed + 1), ct);
        if (counted == 0)
        {
            Status = State.LimitReached;
            return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
        }
        var now = clock.GetUtcNow();
        db.Downloads.Add(new Download { OrderLineId = Line.Id, UserId = User.UserId()!, At = now });
        await db.SaveChangesAsync(ct);
        var seat = Seat is null ? null : new PdfStamper.Seat(Seat.OrganizationName, Seat.Seat.Number, Line.Quantity);
        var stamped = PdfStamper.Stamp(source.Content, Holder, Order.Number, DateOnly.FromDateTime(now.UtcDateTime), seat);
        await tx.CommitAsync(ct);
        return File(stamped, "application/pdf", $"{Unsafe().Replace(Line.Reference, "_")}-{Line.Language}-{Order.Number}.pdf");
    }

    private async Task<IActionResult?> LoadAsync(long lineId)
    {
        var line = await db.OrderLines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lineId && l.Format == ProductFormat.Pdf);
        if (line is null)
        {
            return NotFound();
        }
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == line.OrderId);
        if (SeatRules.HasSeats(line))
        {
            // Only the holder of a seat, still a member of the organisation, downloads: not the buyer as such.
            Seat = await SeatActions.HeldOnAsync(db, line.Id, User.UserId()!, HttpContext.RequestAborted);
            if (Seat is null)
            {
                return Forbid();
            }
        }
        else if (order.UserId != User.UserId())
        {
            return Forbid();
        }
        Line = line;
        Order = order;
        Status = !OrderRules.DownloadsOpen(order.Status) ? State.NotPaid
            : !await db.SourceFiles.AnyAsync(f => f.DeliverableId == line.DeliverableId && f.Language == line.Language) ? State.Preparing
            : DownloadsUsed >= DownloadLimit ? State.LimitReached
            : State.Ready;
        return null;
    }

    [GeneratedRegex("[^A-Za-z0-9.-]+")]
    private static partial Regex Unsafe();
}
