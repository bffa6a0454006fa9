using Normative.Data;

namespace Normative.Features.Store.Subscriptions;

/// <summary>
/// Who may read and download what a subscription covers: for one person, the account that bought
/// it (the order's buyer); for an organisation's named seats, each seat's holder while they belong
/// to the organisation — not the buyer as such, as for a multi-user PDF licence. Every page and
/// query that lets someone use a subscription asks here.
/// </summary>
public static class SubscriptionAccess
{
    /// <summary>The subscriptions <paramref name="userId"/> may use (none for a visitor who is not signed in).</summary>
    public static IQueryable<Subscription> UsableBy(NormativeDb db, string? userId)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (userId is null)
        {
            return db.Subscriptions.Where(s => false);
        }
        var seats = Seats.SeatActions.UsableBy(db, userId);
        return db.Subscriptions.Where(s =>
            (s.UserId == userId && !db.OrderSeats.Any(x => x.OrderLineId == s.OrderLineId))
            || seats.Any(x => x.OrderLineId == s.OrderLineId));
    }
}
