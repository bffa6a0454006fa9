using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Organizations;

namespace Normative.Features.Store.Seats;

/// <summary>
/// The seats of multi-user licences: made with the order, given and taken back by the
/// organisation's administrators, and found for their holders' downloads. A change locks the
/// order's row, so two administrators take turns; every change is an order event (who held which
/// seat, and until when). The holder of a seat must be a member of the organisation to download;
/// someone named who is not gets an invitation to join.
/// </summary>
public static class SeatActions
{
    /// <summary>A seat its holder may use now: the seat, its line and order, and the organisation that bought it.</summary>
    public sealed record Held(OrderSeat Seat, OrderLine Line, string OrderNumber, OrderStatus Status, string OrganizationName);

    /// <summary>Empty seats for each multi-user line of a new order, each with <paramref name="downloadLimit"/> downloads.</summary>
    public static void AddTo(OrderLine line, int downloadLimit)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!SeatRules.HasSeats(line))
        {
            return;
        }
        for (var n = 1; n <= line.Quantity; n++)
        {
            line.Seats.Add(new OrderSeat { Number = n, DownloadLimit = downloadLimit });
        }
    }

    /// <summary>
    /// Gives seats of the order's line <paramref name="lineNumber"/> to the people wanted, all of them
    /// or (refused) none. A seat given to someone else loses its holder, who can no longer download.
    /// Members named get a mail; others get an invitation to join the organisation.
    /// </summary>
    public static async Task<SeatRules.Refusal?> AssignAsync(NormativeDb db, OrganizationMail mail, long orderId, int lineNumber, IReadOnlyList<SeatRules.Wanted> wanted,
        User actor, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(actor);
        if (wanted.FirstOrDefault(w => w.Name is { Length: > 200 }) is { } tooLong)
        {
            return new SeatRules.Refusal("Seats.Error.NameTooLong", tooLong.Email);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (order, line, refusal) = await LockAsync(db, orderId, lineNumber, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var (plan, problem) = SeatRules.Plan(line!.Seats.Select(s => new SeatRules.Seat(s.Number, s.Email)).ToList(), wanted);
        if (problem is not null)
        {
            return problem;
        }
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == order!.OrganizationId, ct);
        var upper = plan.Select(p => p.Wanted.Email.ToUpperInvariant()).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => upper.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.Email!.ToLowerInvariant(), ct);
        var ids = accounts.Values.Select(u => u.Id).ToList();
        var members = (await db.OrganizationMembers.Where(m => m.OrganizationId == organization.Id && ids.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(ct)).ToHashSet();
        // A person given a seat again on the same licence has the downloads they used before, so taking a seat back and forth opens no more.
        var used = await db.Downloads.Where(d => d.OrderLineId == line.Id && ids.Contains(d.UserId)).GroupBy(d => d.UserId)
            .Select(g => new { UserId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.UserId, x => x.Count, ct);

        // Seats change hands in two steps: emptied first, then filled, so the unique holder per
        // licence is never broken in between (seat 2 from A to B while A takes seat 3).
        var seats = plan.Select(p => line.Seats.Single(s => s.Number == p.Seat)).ToList();
        foreach (var seat in seats.Where(s => !s.IsFree))
        {
            order!.Events.Add(Event(order, OrderEventKind.SeatReleased, line, seat, actor, now));
            Empty(seat);
        }
        await db.SaveChangesAsync(ct);
        foreach (var ((_, w), seat) in plan.Zip(seats))
        {
            var account = accounts.GetValueOrDefault(w.Email);
            seat.Email = w.Email;
            seat.HolderName = Clean(w.Name) ?? account?.DisplayName ?? w.Email;
            seat.UserId = account?.Id;
            seat.AssignedAt = now;
            seat.AssignedBy = actor.Email;
            seat.DownloadsUsed = account is null ? 0 : Math.Min(seat.DownloadLimit, used.GetValueOrDefault(account.Id));
            order!.Events.Add(Event(order, OrderEventKind.SeatAssigned, line, seat, actor, now));
            if (account is not null && members.Contains(account.Id))
            {
                // A subscription's seat is named by its collection (in the buyer's language): it covers every language.
                mail.QueueSeatAssigned(db, w.Email, seat.HolderName, organization.Name,
                    line.CollectionId is null ? $"{line.Reference}, {Catalogue.CatalogueFormat.LanguageName(line.Language)}" : line.Title);
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var w in plan.Select(p => p.Wanted).Where(w => accounts.GetValueOrDefault(w.Email) is not { } a || !members.Contains(a.Id)))
        {
            // Someone who is not a member yet is invited; the seat is theirs once they join.
            await OrganizationActions.InviteAsync(db, mail, organization, w.Email, actor, now, ct);
        }
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>Takes a seat back: its holder can no longer download, and the seat is free for someone else.</summary>
    public static async Task<SeatRules.Refusal?> ReleaseAsync(NormativeDb db, long orderId, int lineNumber, int seatNumber, User actor, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (order, line, refusal) = await LockAsync(db, orderId, lineNumber, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var seat = line!.Seats.SingleOrDefault(s => s.Number == seatNumber);
        if (seat is null)
        {
            return new SeatRules.Refusal("Seats.Error.NoSuchSeat", seatNumber, line.Seats.Count);
        }
        if (!seat.IsFree)
        {
            order!.Events.Add(Event(order, OrderEventKind.SeatReleased, line, seat, actor, now));
            Empty(seat);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>The seats the person holds on licences whose organisation they belong to, newest order first.</summary>
    public static Task<List<Held>> HeldByAsync(NormativeDb db, string userId, CancellationToken ct) =>
        HeldAsync(db, userId, null, ct);

    /// <summary>The person's seat on the line, if they hold one and still belong to the organisation.</summary>
    public static async Task<Held?> HeldOnAsync(NormativeDb db, long lineId, string userId, CancellationToken ct) =>
        (await HeldAsync(db, userId, lineId, ct)).SingleOrDefault();

    /// <summary>Counts one download on the seat, unless its limit is reached or it changed hands meanwhile; true if counted.</summary>
    public static async Task<bool> CountDownloadAsync(NormativeDb db, OrderSeat seat, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(seat);
        var email = seat.Email;
        return await db.OrderSeats
            .Where(s => s.Id == seat.Id && s.Email == email && s.DownloadsUsed < s.DownloadLimit)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DownloadsUsed, x => x.DownloadsUsed + 1).SetProperty(x => x.UserId, userId), ct) > 0;
    }

    /// <summary>
    /// Ties a seat given to an address to the account that uses it, at its first use (a subscription's
    /// downloads are counted per holder, not on the seat), unless it changed hands meanwhile.
    /// </summary>
    public static Task BindAsync(NormativeDb db, OrderSeat seat, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(seat);
        var email = seat.Email;
        return db.OrderSeats.Where(s => s.Id == seat.Id && s.Email == email && s.UserId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UserId, userId), ct);
    }

    /// <summary>
    /// The seats <paramref name="userId"/> may use: given to their account, or to their address while
    /// no account has used it yet, on an order of an organisation they still belong to. Every check of
    /// a seat holder's rights (downloads, subscriptions, reading online) starts here.
    /// </summary>
    public static IQueryable<OrderSeat> UsableBy(NormativeDb db, string userId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from s in db.OrderSeats
               join l in db.OrderLines on s.OrderLineId equals l.Id
               join o in db.Orders on l.OrderId equals o.Id
               where (s.UserId == userId || (s.UserId == null && s.Email != null && db.Users.Any(u => u.Id == userId && u.Email!.ToLower() == s.Email)))
                     && db.OrganizationMembers.Any(m => m.OrganizationId == o.OrganizationId && m.UserId == userId)
               select s;
    }

    private static async Task<List<Held>> HeldAsync(NormativeDb db, string userId, long? lineId, CancellationToken ct)
    {
        var rows = await (from s in UsableBy(db, userId)
                          join l in db.OrderLines on s.OrderLineId equals l.Id
                          join o in db.Orders on l.OrderId equals o.Id
                          join g in db.Organizations on o.OrganizationId equals g.Id
                          where lineId == null || l.Id == lineId
                          orderby o.PlacedAt descending, l.LineNumber
                          select new { Seat = s, Line = l, o.Number, o.Status, OrganizationName = g.Name })
            .AsNoTracking().ToListAsync(ct);
        return rows.Select(x => new Held(x.Seat, x.Line, x.Number, x.Status, x.OrganizationName)).ToList();
    }

    /// <summary>Locks the order and loads the line with its seats; refused when the line has no seats or the order is over.</summary>
    private static async Task<(Order? Order, OrderLine? Line, SeatRules.Refusal? Refusal)> LockAsync(NormativeDb db, long orderId, int lineNumber, CancellationToken ct)
    {
        var order = await StoreSql.LockOrderAsync(db, orderId, ct);
        var line = await db.OrderLines.Include(l => l.Seats).SingleOrDefaultAsync(l => l.OrderId == orderId && l.LineNumber == lineNumber, ct);
        if (line is null || !SeatRules.HasSeats(line) || order.OrganizationId is null)
        {
            return (null, null, new SeatRules.Refusal("Seats.Error.NoSuchLine", lineNumber));
        }
        if (order.Status is OrderStatus.Cancelled or OrderStatus.Refunded)
        {
            return (null, null, new SeatRules.Refusal("Seats.Error.OrderClosed", order.Number));
        }
        return (order, line, null);
    }

    private static OrderEvent Event(Order order, OrderEventKind kind, OrderLine line, OrderSeat seat, User actor, DateTimeOffset now) => new()
    {
        OrderId = order.Id,
        At = now,
        By = actor.Email!,
        Kind = kind,
        Note = $"{line.Reference} ({line.Language}) #{seat.Number}: {seat.HolderName} <{seat.Email}>",
    };

    private static void Empty(OrderSeat seat)
    {
        seat.Email = null;
        seat.HolderName = null;
        seat.UserId = null;
        seat.AssignedAt = null;
        seat.AssignedBy = null;
        seat.DownloadsUsed = 0;
    }

    /// <summary>Trims, and turns control characters (which would break a PDF stamp or a mail) into spaces.</summary>
    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var cleaned = new string(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }
}
