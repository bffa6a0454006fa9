using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;

namespace Normative.Features.Certification.Verification;

/// <summary>
/// Signs verification receipts with ECDSA P-256 and SHA-256. The private key lives in the database
/// (receipt_keys, one row), made by whichever instance needs it first, so every instance signs with
/// the same key and it survives restarts. The public key is published as a JWK set and as PEM.
/// </summary>
public sealed class ReceiptSigner(NpgsqlDataSource dataSource, TimeProvider clock) : IDisposable
{
    public const string Algorithm = "ES256";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ECDsa? _key;
    private string? _keyId;

    public async Task<(ECDsa Key, string KeyId)> KeyAsync(CancellationToken ct = default)
    {
        if (_key is not null)
        {
            return (_key, _keyId!);
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_key is null)
            {
                (_key, _keyId) = await LoadOrCreateAsync(ct);
            }
            return (_key, _keyId!);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(ECDsa, string)> LoadOrCreateAsync(CancellationToken ct)
    {
        using (var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            // Whoever inserts first wins; everyone then reads the one row.
            await using var insert = dataSource.CreateCommand("INSERT INTO receipt_keys (id, key_id, private_key, created_at) VALUES (1, $1, $2, $3) ON CONFLICT (id) DO NOTHING");
            insert.Parameters.Add(new NpgsqlParameter { Value = Thumbprint(fresh) });
            insert.Parameters.Add(new NpgsqlParameter { Value = fresh.ExportPkcs8PrivateKey() });
            insert.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
            await insert.ExecuteNonQueryAsync(ct);
        }
        await using var select = dataSource.CreateCommand("SELECT key_id, private_key FROM receipt_keys WHERE id = 1");
        await using var reader = await select.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(reader.GetFieldValue<byte[]>(1), out _);
        return (key, reader.GetString(0));
    }

    /// <summary>Signs the exact UTF-8 bytes of <paramref name="payload"/> (compact JSON) and wraps them in a receipt.</summary>
    public async Task<SignedReceipt> SignAsync(JsonObject payload, string publicKeyUrl, CancellationToken ct = default)
    {
        var (key, keyId) = await KeyAsync(ct);
        var text = payload.ToJsonString();
        var signature = key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new SignedReceipt(text, Convert.ToBase64String(signature), Algorithm, keyId, publicKeyUrl);
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

    public void Dispose()
    {
        _key?.Dispose();
        _gate.Dispose();
    }
}
