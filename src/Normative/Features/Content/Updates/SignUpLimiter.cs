using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Normative.Features.Content.Updates;

/// <summary>
/// Sign-ups per client address per window (Content:Updates:SignUpPermitLimit per SignUpWindowSeconds).
/// Only the form's POST counts, so reading the pages is never limited.
/// </summary>
public sealed class SignUpLimiter(IOptions<ContentOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.Updates.SignUpPermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, options.Value.Updates.SignUpWindowSeconds)),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>True when this client may sign up now (and counts the attempt).</summary>
    public bool TryAcquire(string? clientAddress)
    {
        using var lease = _limiter.AttemptAcquire(clientAddress ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
