using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Shared;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Pdf;
using Normative.Features.Store.Seats;

namespace Normative.Features.Store.Subscriptions;

/// <summary>
/// A subscriber's subscription: its period and every standard its collection covers today, each
/// downloadable in the languages whose file is here, stamped for the licence holder like a bought
/// PDF — editions, amendments and corrigenda published after the purchase included, with no new
/// order. Only those <see cref="SubscriptionAccess"/> admits may see it (403 for anyone else); once
/// it has ended, it says so and downloads are refused. A subscription with named seats counts the
/// downloads of each holder apart and stamps their copies with their name and the organisation's.
/// </summary>
[Authorize]
public partial class SubscriptionModel(NormativeDb db, TimeProvider clock, IStringLocalizer<StoreText> s) : PageModel
{
    public const int PageSize = 50;

    /// <summary>A covered deliverable with the languages it can be downloaded in and the downloads each has used.</summary>
    public sealed record Row(Deliverable Deliverable, IReadOnlyList<(string Language, int Used)> Files);

    public Subscription Subscription { get; private set; } = null!;
    public Collection Collection { get; private set; } = null!;
    public Order Order { get; private set; } = null!;
    public SubscriptionState State { get; private set; }
    public int DownloadLimit { get; private set; }
    /// <summary>The reader's seat, when the subscription was bought for an organisation's named seats.</summary>
    public SeatActions.Held? Seat { get; private set; }
    public int Seats { get; private set; }
    public int Count { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;

    public Pager Pager => Pager.For(PageNumber, Count, PageSize, n => StoreLinks.Subscription(Subscription.Id, n));

    public async Task<IActionResult> OnGetAsync(long id, [FromQuery(Name = "p")] int? page)
    {
        PageNumber = Math.Max(1, page ?? 1);
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        await ListAsync();
        return Page();
    }

    /// <summary>The download itself: the answer is the stamped file, not a page, so there is nothing to redirect to.</summary>
    public async Task<IActionResult> OnPostAsync(long id, int deliverableId, string? language)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        var ct = HttpContext.RequestAborted;
        if (State != SubscriptionState.Active)
        {
            return await RefuseAsync(StatusCodes.Status403Forbidden, "Subscription.Error." + State, DateOf(State == SubscriptionState.Upcoming ? Subscription.StartsAt : Subscription.EndsAt));
        }
        if (!ModelState.IsValid || !await CollectionCoverage.CoversAsync(db, Collection, deliverableId, ct))
        {
            return await RefuseAsync(StatusCodes.Status404NotFound, "Subscription.Error.NotCovered");
        }
        var source = await db.SourceFiles.AsNoTracking().SingleOrDefaultAsync(f => f.DeliverableId == deliverableId && f.Language == language, ct);
        if (source is null)
        {
            return await RefuseAsync(StatusCodes.Status409Conflict, "Subscription.Error.NoFile");
        }
        var reference = await db.Deliverables.Where(d => d.Id == deliverableId).Select(d => d.Reference).SingleAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The order's row lock makes a subscription's downloads take turns, so two at once cannot pass the limit.
        await StoreSql.LockOrderAsync(db, Order.Id, ct);
        var used = await Downloads().CountAsync(d => d.DeliverableId == deliverableId && d.Language == source.Language, ct);
        if (used >= DownloadLimit)
        {
            await tx.RollbackAsync(ct);
            return await RefuseAsync(StatusCodes.Status403Forbidden, "Subscription.Error.Limit", DownloadLimit);
        }
        var now = clock.GetUtcNow();
        db.SubscriptionDownloads.Add(new SubscriptionDownload
        {
            SubscriptionId = Subscription.Id, DeliverableId = deliverableId, Language = source.Language, UserId = User.UserId()!, At = now,
        });
        await db.SaveChangesAsync(ct);
        PdfStamper.Seat? seat = null;
        if (Seat is not null)
        {
            await SeatActions.BindAsync(db, Seat.Seat, User.UserId()!, ct);
            seat = new PdfStamper.Seat(Seat.OrganizationName, Seat.Seat.Number, Seats);
        }
        var stamped = PdfStamper.Stamp(source.Content, Holder, Order.Number, DateOnly.FromDateTime(now.UtcDateTime), seat);
        await tx.CommitAsync(ct);
        return File(stamped, "application/pdf", $"{Unsafe().Replace(reference, "_")}-{source.Language}-{Order.Number}.pdf");
    }

    /// <summary>The name stamped on the reader's copies: their seat's holder name, or the one-person licence's holder.</summary>
    public string Holder => Seat?.Seat.HolderName ?? Order.LicenceHolder ?? Order.BillingName;

    /// <summary>The downloads that count against the reader's limit: the subscription's, or with seats the reader's own.</summary>
    private IQueryable<SubscriptionDownload> Downloads()
    {
        var userId = User.UserId();
        var all = db.SubscriptionDownloads.Where(d => d.SubscriptionId == Subscription.Id);
        return Seat is null ? all : all.Where(d => d.UserId == userId);
    }

    /// <summary>A day as the subscription pages write it.</summary>
    public static string DateOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The page again with the reason, and the status a program would look at.</summary>
    private async Task<IActionResult> RefuseAsync(int status, string key, params object[] args)
    {
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, s[key, args]);
        await ListAsync();
        return new PageResult { StatusCode = status };
    }

    private async Task<IActionResult?> LoadAsync(long id)
    {
        var ct = HttpContext.RequestAborted;
        var subscription = await db.Subscriptions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (subscription is null)
        {
            return NotFound();
        }
        if (!await SubscriptionAccess.UsableBy(db, User.UserId()).AnyAsync(x => x.Id == id, ct))
        {
            return Forbid();
        }
        Subscription = subscription;
        Collection = await db.Collections.AsNoTracking().SingleAsync(c => c.Id == subscription.CollectionId, ct);
        Order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == subscription.OrderId, ct);
        var line = await db.OrderLines.Where(l => l.Id == subscription.OrderLineId).Select(l => new { l.DownloadLimit, l.Format, l.Quantity }).SingleAsync(ct);
        DownloadLimit = line.DownloadLimit;
        if (SeatRules.IsMultiUser(line.Format, line.Quantity))
        {
            Seats = line.Quantity;
            Seat = await SeatActions.HeldOnAsync(db, subscription.OrderLineId, User.UserId()!, ct);
        }
        State = SubscriptionRules.StateOf(subscription, Order.Status, clock.GetUtcNow());
        return null;
    }

    private async Task ListAsync()
    {
        var ct = HttpContext.RequestAborted;
        (Count, var covered) = await CollectionCoverage.PageAsync(db, Collection, PageNumber, PageSize, ct);
        var ids = covered.Select(d => d.Id).ToList();
        var files = await db.SourceFiles.AsNoTracking().Where(f => ids.Contains(f.DeliverableId)).Select(f => new { f.DeliverableId, f.Language }).ToListAsync(ct);
        var used = await Downloads().Where(d => ids.Contains(d.DeliverableId))
            .GroupBy(d => new { d.DeliverableId, d.Language })
            .Select(g => new { g.Key.DeliverableId, g.Key.Language, Count = g.Count() })
            .ToListAsync(ct);
        Rows = covered.Select(d => new Row(d, files.Where(f => f.DeliverableId == d.Id).OrderBy(f => f.Language, StringComparer.Ordinal)
                .Select(f => (f.Language, used.FirstOrDefault(u => u.DeliverableId == d.Id && u.Language == f.Language)?.Count ?? 0)).ToList()))
            .ToList();
    }

    [GeneratedRegex("[^A-Za-z0-9.-]+")]
    private static partial Regex Unsafe();
}
