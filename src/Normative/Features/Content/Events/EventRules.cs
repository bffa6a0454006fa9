namespace Normative.Features.Content.Events;

/// <summary>What makes an event valid, and when it counts as past (archived).</summary>
public static class EventRules
{
    /// <summary>Past once it has ended: it leaves /events for the archive.</summary>
    public static bool IsPast(DateTimeOffset endsAt, DateTimeOffset now) => endsAt < now;

    /// <summary>An online link must be a web address (no javascript:, no file:).</summary>
    public static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
