namespace Normative.Features.Content.Updates;

/// <summary>What a consent record records.</summary>
public enum SubscriptionEventKind
{
    /// <summary>The form was sent; nothing is agreed until the confirmation.</summary>
    SignUp,
    /// <summary>The owner of the address clicked the confirmation link: consent given.</summary>
    Confirmed,
    /// <summary>Topics or language changed on the preferences page.</summary>
    Changed,
    /// <summary>Consent withdrawn (the preferences page or a one-click unsubscribe).</summary>
    Unsubscribed,
}
