using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Accounts;

/// <summary>Creates, finds and revokes personal API tokens. A token is shown once; only its hash is kept.</summary>
public static class ApiTokens
{
    public const string TokenPrefix = "nrm_";

    public static async Task<(ApiToken Token, string Secret)> CreateAsync(NormativeDb db, string userId, string name, DateTimeOffset now, DateTimeOffset? expiresAt = null, CancellationToken ct = default)
    {
        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = userId,
            Name = name.Trim(),
            Prefix = secret[..12],
            Hash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }

    public static async Task<bool> RevokeAsync(NormativeDb db, string userId, long tokenId, DateTimeOffset now, CancellationToken ct = default) =>
        await db.ApiTokens
            .Where(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct) > 0;

    /// <summary>The live token with this secret, or null. Constant work whatever the input: a hash and one indexed lookup.</summary>
    public static Task<ApiToken?> FindAsync(NormativeDb db, string secret, DateTimeOffset now, CancellationToken ct = default)
    {
        var hash = Hash(secret);
        return db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now))
            .FirstOrDefaultAsync(ct);
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
