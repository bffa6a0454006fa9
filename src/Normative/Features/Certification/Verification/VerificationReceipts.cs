using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Normative.Features.Shared;

namespace Normative.Features.Certification.Verification;

/// <summary>What a verification receipt states: the question, when it was asked, and what the registry answered.</summary>
public static class VerificationReceipts
{
    public const string Type = "normative.certificate-verification-receipt";

    public const string NotFoundNote =
        "No certificate with this number is in the registry. That proves nothing either way: the number may be mistyped, " +
        "or the certificate may come from a body that does not report to this registry. Ask the certification body.";

    public static JsonObject Payload(string number, string? certificationBody, IReadOnlyList<CertificateView> found, DateTimeOffset checkedAt, Func<long, string> certificateUrl)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(certificateUrl);
        var certificates = new JsonArray();
        foreach (var c in found)
        {
            certificates.Add(new JsonObject
            {
                ["id"] = c.Id,
                ["number"] = c.Number,
                ["certificationBody"] = c.CertificationBody.Code,
                ["organization"] = c.Organization.Name,
                ["country"] = c.Organization.Country,
                ["standards"] = new JsonArray(c.Standards.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
                ["status"] = c.Status.ToString(),
                ["validToday"] = c.Validity.IsValid,
                ["problems"] = new JsonArray(c.Validity.Problems.Select(p => (JsonNode)JsonValue.Create(Describe(p))!).ToArray()),
                ["issueDate"] = Iso(c.IssueDate),
                ["expiryDate"] = Iso(c.ExpiryDate),
                ["url"] = certificateUrl(c.Id),
            });
        }
        var payload = new JsonObject
        {
            ["type"] = Type,
            ["version"] = 1,
            ["checkedAt"] = checkedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["query"] = new JsonObject { ["number"] = number, ["certificationBody"] = certificationBody },
            ["found"] = found.Count > 0,
            ["certificates"] = certificates,
        };
        if (found.Count == 0)
        {
            payload["note"] = NotFoundNote;
        }
        return payload;
    }

    /// <summary>
    /// The signed receipt of an answer. <paramref name="absolute"/> turns a path of the site into the
    /// absolute link the receipt names (the certificate, the issuer, the public key).
    /// </summary>
    public static SignedReceipt Sign(string number, string? certificationBody, IReadOnlyList<CertificateView> found, DateTimeOffset checkedAt,
        (ECDsa Key, string KeyId) key, Func<string, string> absolute)
    {
        ArgumentNullException.ThrowIfNull(absolute);
        var payload = Payload(number, certificationBody, found, checkedAt, id => absolute(CertificationLinks.Certificate(id)));
        payload["issuer"] = absolute(SiteLinks.Home);
        return ReceiptSigner.Sign(payload, key, absolute(CertificationLinks.ReceiptKey));
    }

    /// <summary>Whether <paramref name="receipt"/> is as this registry issued it, and why not, in plain English.</summary>
    public static (bool Valid, string Message) Check(SignedReceipt receipt, (ECDsa Key, string KeyId) key)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.KeyId != key.KeyId)
        {
            return (false, "The receipt names a key this registry does not use.");
        }
        return ReceiptSigner.Verify(receipt, key.Key)
            ? (true, "The signature is valid: the receipt is as the registry issued it.")
            : (false, "The signature does not match: the receipt has been changed or was not issued by this registry.");
    }

    /// <summary>A validity problem in plain English, for receipts and the API (which are not localized).</summary>
    public static string Describe(ValidityProblem p) => p.Kind switch
    {
        ValidityProblemKind.Status => $"The certificate is {p.Status}.",
        ValidityProblemKind.ExpiryPassed => "The expiry date has passed.",
        ValidityProblemKind.NotYetIssued => "The issue date is in the future.",
        ValidityProblemKind.NotAccredited when p.Accreditation is { } a => $"The certification body's accreditation for {p.Standard} is {a.ToString().ToLowerInvariant()}.",
        ValidityProblemKind.NotAccredited => $"The certification body holds no accreditation for {p.Standard}.",
        ValidityProblemKind.AccreditationOutOfDate => $"The certification body's accreditation for {p.Standard} does not cover today.",
        _ => p.Kind.ToString(),
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
