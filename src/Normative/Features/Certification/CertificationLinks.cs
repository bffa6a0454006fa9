using System.Globalization;
using Normative.Features.Shared;

namespace Normative.Features.Certification;

/// <summary>The registry's pages, files and API resources, for links from pages, receipts, the sitemap and API answers (see <see cref="LinkToAttribute"/>).</summary>
public static class CertificationLinks
{
    /// <summary>The registry's front page: verification by number and search.</summary>
    [LinkTo("/Certification/Verification/Index")]
    public static string Registry => "/certification";

    /// <summary>The answer to "is certificate <paramref name="number"/> valid today?", at the body with code <paramref name="cb"/> if given.</summary>
    [LinkTo("/Certification/Verification/Index")]
    public static string Verify(string number, string? cb = null) =>
        Registry + QueryString.Create(Query(("number", number), ("cb", cb)));

    /// <summary>A page of search results; empty criteria are left out.</summary>
    [LinkTo("/Certification/Verification/Index")]
    public static string Search(string? organization = null, string? country = null, string? standard = null, string? body = null, int? page = null) =>
        Registry + QueryString.Create(Query(("organization", organization), ("country", country), ("standard", standard), ("body", body),
            ("page", page?.ToString(CultureInfo.InvariantCulture))));

    [LinkTo("/Certification/Verification/Certificate")]
    public static string Certificate(long id) => $"/certification/certificates/{id}";

    public static string CertificateQrCode(long id) => $"/certification/certificates/{id}/qr.svg";

    public static string CertificateReceipt(long id) => $"/certification/certificates/{id}/receipt.json";

    /// <summary>The public key that signs receipts, as a JWK set (with the PEM form too).</summary>
    public const string ReceiptKey = "/.well-known/normative-receipt-key.json";

    public const string ReceiptKeyPem = "/.well-known/normative-receipt-key.pem";

    [LinkTo("/Certification/Registry/Bodies")]
    public static string Bodies => "/certification/bodies";

    [LinkTo("/Certification/Statistics/Statistics")]
    public static string Statistics(string? standard = null) =>
        "/certification/statistics" + QueryString.Create(Query(("standard", standard)));

    /// <summary>One table of the statistics as CSV (a name of <see cref="Features.Certification.Statistics.StatisticsCsv.Names"/>).</summary>
    public static string StatisticsCsv(string name, string? standard = null) =>
        $"/certification/statistics/{Uri.EscapeDataString(name)}.csv" + QueryString.Create(Query(("standard", standard)));

    /// <summary>A certification body's own page.</summary>
    [LinkTo("/Certification/Registry/Body/Index")]
    public static string Body => "/certification/body";

    [LinkTo("/Certification/Registry/Body/Upload")]
    public static string Upload => "/certification/body/upload";

    /// <summary>The upload page after a file too large to read was refused.</summary>
    [LinkTo("/Certification/Registry/Body/Upload")]
    public static string UploadTooLarge => Upload + "?tooLarge=true";

    /// <summary>The upload page showing the report of one upload.</summary>
    [LinkTo("/Certification/Registry/Body/Upload")]
    public static string UploadReport(long upload) => Upload + "?upload=" + upload.ToString(CultureInfo.InvariantCulture);

    [LinkTo("/Certification/Registry/Admin/Index")]
    public static string Admin => "/certification/admin";

    /// <summary>One certificate in the JSON API.</summary>
    public static string ApiCertificate(long id) => $"/api/v1/certificates/{id}";

    private static IEnumerable<KeyValuePair<string, string?>> Query(params (string Name, string? Value)[] values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => new KeyValuePair<string, string?>(v.Name, v.Value));
}
