using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Normative.Features.Certification.Import;
using Normative.Features.Certification.Statistics;
using Normative.Features.Certification.Verification;
using Normative.Features.Shared;
using QRCoder;

namespace Normative.Features.Certification;

/// <summary>What the registry serves besides pages and the JSON API: the receipt key, QR codes, receipts and statistics as CSV.</summary>
public static class CertificationFiles
{
    public static IEndpointRouteBuilder MapCertificationFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet(CertificationFeature.KeyPath, PublicKeyAsync).WithTags("Certificates").WithName("ReceiptPublicKey")
            .WithSummary("The public key that signs verification receipts, as a JWK set (with the PEM form too).");
        app.MapGet(CertificationFeature.PemPath, PemAsync).ExcludeFromDescription();
        app.MapGet("/certification/certificates/{id:long}/qr.svg", QrAsync).ExcludeFromDescription();
        app.MapGet("/certification/certificates/{id:long}/receipt.json", ReceiptAsync).ExcludeFromDescription()
            .RequireRateLimiting(CertificationFeature.SearchPolicy);
        app.MapGet("/certification/statistics/{name}.csv", StatisticsCsvAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> PublicKeyAsync(ReceiptSigner signer, CancellationToken ct)
    {
        var (key, keyId) = await signer.KeyAsync(ct);
        var body = new JsonObject
        {
            ["keys"] = new JsonArray(ReceiptSigner.Jwk(key, keyId)),
            ["pem"] = ReceiptSigner.Pem(key),
        };
        return Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8);
    }

    private static async Task<IResult> PemAsync(ReceiptSigner signer, CancellationToken ct)
    {
        var (key, _) = await signer.KeyAsync(ct);
        return Results.Text(ReceiptSigner.Pem(key) + "\n", "application/x-pem-file", Encoding.ASCII);
    }

    private static IResult QrAsync(long id, HttpContext context)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(SiteLinks.Absolute(context, $"/certification/certificates/{id}"), QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(6);
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Text(svg, "image/svg+xml", Encoding.UTF8);
    }

    private static async Task<IResult> ReceiptAsync(long id, CertificateQueries queries, ReceiptSigner signer, HttpContext context, TimeProvider clock, CancellationToken ct)
    {
        var view = await queries.GetAsync(id, ct);
        if (view is null)
        {
            return Results.NotFound();
        }
        var payload = VerificationReceipts.Payload(view.Number, view.CertificationBody.Code, [view], clock.GetUtcNow(),
            i => SiteLinks.Absolute(context, $"/certification/certificates/{i}"));
        payload["issuer"] = SiteLinks.Absolute(context, "/");
        var receipt = await signer.SignAsync(payload, SiteLinks.Absolute(context, CertificationFeature.KeyPath), ct);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"receipt-{id}.json\"";
        return Results.Json(receipt);
    }

    private static async Task<IResult> StatisticsCsvAsync(string name, string? standard, CertificationStatistics statistics, CancellationToken ct)
    {
        var figures = await statistics.GetAsync(ct);
        standard = string.IsNullOrWhiteSpace(standard) ? null : standard.Trim();
        var csv = new StringBuilder();
        switch (name)
        {
            case "by-standard":
                csv.Append("standard,valid_certificates\n");
                foreach (var (s, value) in figures.ByStandard())
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{CertificateCsv.Field(s)},{value}\n");
                }
                break;
            case "by-country":
                csv.Append("country,standard,valid_certificates\n");
                foreach (var (country, value) in figures.Countries(standard))
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{country},{CertificateCsv.Field(standard ?? "all")},{value}\n");
                }
                break;
            case "by-year":
                csv.Append("year,standard,valid_certificates_on_31_december\n");
                foreach (var (year, value) in figures.Years(standard))
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{year},{CertificateCsv.Field(standard ?? "all")},{value}\n");
                }
                break;
            default:
                return Results.NotFound();
        }
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"certificates-{name}.csv");
    }
}
