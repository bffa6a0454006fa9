using Normative.Features.Store.Orders;

namespace Normative.Features.Store.Subscriptions;

/// <summary>A subscription's period and state.</summary>
public static class SubscriptionRules
{
    /// <summary>How long one subscription runs.</summary>
    public const int Years = 1;

    /// <summary>
    /// The period of a subscription paid at <paramref name="paidAt"/>: a year from payment, or, bought
    /// while the buyer's subscription to the same collection still runs, a year from its end.
    /// </summary>
    public static (DateTimeOffset Starts, DateTimeOffset Ends) Period(DateTimeOffset paidAt, DateTimeOffset? runningUntil)
    {
        var starts = runningUntil is { } end && end > paidAt ? end : paidAt;
        return (starts, starts.AddYears(Years));
    }

    public static SubscriptionState StateOf(Subscription subscription, OrderStatus orderStatus, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return !OrderRules.DownloadsOpen(orderStatus) ? SubscriptionState.Refunded
            : now >= subscription.EndsAt ? SubscriptionState.Expired
            : now < subscription.StartsAt ? SubscriptionState.Upcoming
            : SubscriptionState.Active;
    }
}
