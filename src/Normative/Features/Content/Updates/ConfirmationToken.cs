namespace Normative.Features.Content.Updates;

/// <summary>What a confirmation link says once its signature is checked: whom, which sign-up, until when.</summary>
public sealed record ConfirmationToken(long SubscriberId, string Nonce, DateTimeOffset Expires);
