using Normative.Data;

namespace Normative.Features.Store.Subscriptions;

/// <summary>
/// Who may read and download what a subscription covers: the account that bought it (the order's
/// buyer). Every page and query that lets someone use a subscription asks here, so admitting
/// others one day (an organisation's seat holders) changes this one place.
/// </summary>
public static class SubscriptionAccess
{
    /// <summary>The subscriptions <paramref name="userId"/> may use (none for a visitor who is not signed in).</summary>
    public static IQueryable<Subscription> UsableBy(NormativeDb db, string? userId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Subscriptions.Where(s => userId != null && s.UserId == userId);
    }
}
