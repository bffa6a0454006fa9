namespace Normative.Features.Store.Subscriptions;

/// <summary>Where a subscription stands: running, bought to follow one still running, over, or ended by a refund.</summary>
public enum SubscriptionState
{
    Active,
    Upcoming,
    Expired,
    Refunded,
}
