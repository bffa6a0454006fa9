namespace Normative.Features.Store.Payments;

/// <summary>A hosted payment page opened at the provider: where to send the buyer, and until when it is valid.</summary>
public sealed record HostedSession(string Id, string Url, DateTimeOffset ExpiresAt);
