namespace Normative.Features.Certification.Verification;

/// <summary>
/// A verification receipt. <see cref="Payload"/> is the signed JSON text itself, byte for byte, so
/// that it can be checked offline: `jq -j .payload r.json > p.json; jq -r .signature r.json | base64 -d > s.der;
/// openssl dgst -sha256 -verify key.pem -signature s.der p.json`. <see cref="Signature"/> is the
/// DER-encoded ECDSA signature in base64.
/// </summary>
public sealed record SignedReceipt(string Payload, string Signature, string Algorithm, string KeyId, string PublicKey);
