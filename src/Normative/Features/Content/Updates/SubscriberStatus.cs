namespace Normative.Features.Content.Updates;

/// <summary>Pending until the address's owner clicks the confirmation link; only Confirmed addresses get mailings.</summary>
public enum SubscriberStatus
{
    Pending,
    Confirmed,
    Unsubscribed,
}
