namespace Normative.Mail;

/// <summary>Sent; a temporary failure (4xx, no connection) worth another attempt; or a permanent refusal (5xx).</summary>
public enum DeliveryResult
{
    Sent,
    TryLater,
    Refused,
}
