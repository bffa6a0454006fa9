using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Normative.Data;

namespace Normative.Features.Certification.Verification;

/// <summary>
/// Signs verification receipts with ECDSA P-256 and SHA-256. The private key lives in the database
/// (receipt_keys, one row), made by whichever instance needs it first, so every instance signs with
/// the same key and it survives restarts; each instance keeps it in memory once read. The public key
/// is published as a JWK set and as PEM.
/// </summary>
public static class ReceiptSigner
{
    public const string Algorithm = "ES256";
    private const string CacheKey = "certification-receipt-key";

    /// <summary>The registry's signing key and its id (the RFC 7638 thumbprint), read from the database once per instance.</summary>
    public static async Task<(ECDsa Key, string KeyId)> KeyAsync(NormativeDb db, IMemoryCache cache, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(clock);
        if (cache.TryGetValue(CacheKey, out (ECDsa Key, string KeyId) known))
        {
            return known;
        }
        var row = await db.ReceiptKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == 1, ct);
        if (row is null)
        {
            using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            // Whoever inserts first wins; everyone then reads the one row.
            var (keyId, bytes, now) = (Thumbprint(fresh), fresh.ExportPkcs8PrivateKey(), clock.GetUtcNow());
            await db.Database.ExecuteSqlAsync($"INSERT INTO receipt_keys (id, key_id, private_key, created_at) VALUES (1, {keyId}, {bytes}, {now}) ON CONFLICT (id) DO NOTHING", ct);
            row = await db.ReceiptKeys.AsNoTracking().SingleAsync(k => k.Id == 1, ct);
        }
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(row.PrivateKey, out _);
        // Two first requests at once may both read the row: the same key either way, and the one not kept is collected.
        return cache.Set(CacheKey, (key, row.KeyId), new MemoryCacheEntryOptions { Priority = CacheItemPriority.NeverRemove });
    }

    /// <summary>Signs the exact UTF-8 bytes of <paramref name="payload"/> (compact JSON) and wraps them in a receipt.</summary>
    public static SignedReceipt Sign(JsonObject payload, (ECDsa Key, string KeyId) key, string publicKeyUrl)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var text = payload.ToJsonString();
        var signature = key.Key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new SignedReceipt(text, Convert.ToBase64String(signature), Algorithm, key.KeyId, publicKeyUrl);
    }

    /// <summary>True when the receipt's signature matches its payload under this key.</summary>
    public static bool Verify(SignedReceipt receipt, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(publicKey);
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(receipt.Signature);
        }
        catch (FormatException)
        {
            return false;
        }
        return publicKey.VerifyData(Encoding.UTF8.GetBytes(receipt.Payload), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>The public key as a JSON Web Key (RFC 7517) with its RFC 7638 thumbprint as kid.</summary>
    public static JsonObject Jwk(ECDsa key, string keyId)
    {
        var p = key.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64Url(p.Q.X!),
            ["y"] = Base64Url(p.Q.Y!),
            ["kid"] = keyId,
            ["use"] = "sig",
            ["alg"] = Algorithm,
        };
    }

    public static string Pem(ECDsa key) => key.ExportSubjectPublicKeyInfoPem();

    /// <summary>RFC 7638: SHA-256 of the required members in lexicographic order, base64url.</summary>
    public static string Thumbprint(ECDsa key)
    {
        var p = key.ExportParameters(false);
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{Base64Url(p.Q.X!)}\",\"y\":\"{Base64Url(p.Q.Y!)}\"}}";
        return Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
