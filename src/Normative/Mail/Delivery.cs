namespace Normative.Mail;

/// <summary>What became of one message handed to the mail server.</summary>
public sealed record Delivery(DeliveryResult Status, string? Error = null)
{
    public static readonly Delivery Sent = new(DeliveryResult.Sent);

    public static Delivery TryLater(string error) => new(DeliveryResult.TryLater, error);

    public static Delivery Refused(string error) => new(DeliveryResult.Refused, error);
}
