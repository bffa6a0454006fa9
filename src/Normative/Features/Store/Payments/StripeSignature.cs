using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Normative.Features.Store.Payments;

/// <summary>
/// Stripe's webhook signature: the header "Stripe-Signature: t=…,v1=…" carries a Unix timestamp
/// and one or more HMAC-SHA256 signatures of "{t}.{payload}" keyed with the endpoint's secret. A
/// signature older (or newer) than the tolerance is refused, so a captured request cannot be replayed later.
/// </summary>
public static class StripeSignature
{
    public enum Result
    {
        Valid,
        Missing,
        Malformed,
        Mismatch,
        OutsideTolerance,
    }

    public static Result Verify(string payload, string? header, string secret, DateTimeOffset now, int toleranceSeconds)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return Result.Missing;
        }
        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }
            var key = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (key == "v1" && TryHex(value, out var bytes))
            {
                signatures.Add(bytes);
            }
        }
        if (timestamp is null || signatures.Count == 0)
        {
            return Result.Malformed;
        }
        var expected = Compute(payload, timestamp.Value, secret);
        if (!signatures.Any(s => CryptographicOperations.FixedTimeEquals(s, expected)))
        {
            return Result.Mismatch;
        }
        var age = now.ToUnixTimeSeconds() - timestamp.Value;
        return Math.Abs(age) > toleranceSeconds ? Result.OutsideTolerance : Result.Valid;
    }

    /// <summary>The v1 signature for a payload at a time (also used by tests to sign payloads as Stripe does).</summary>
    public static byte[] Compute(string payload, long timestamp, string secret) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{payload}"));

    public static string Header(string payload, long timestamp, string secret) =>
        $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(Compute(payload, timestamp, secret))}";

    private static bool TryHex(string value, out byte[] bytes)
    {
        bytes = [];
        if (value.Length != 64)
        {
            return false;
        }
        try
        {
            bytes = Convert.FromHexString(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
