using System.Text;
using System.Text.Json.Nodes;
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
        if (!StatisticsCsv.Names.Contains(name))
        {
            return Results.NotFound();
        }
        var figures = await statistics.GetAsync(ct);
        using var file = new MemoryStream();
        StatisticsCsv.Write(file, figures, name, string.IsNullOrWhiteSpace(standard) ? null : standard.Trim());
        return Results.File(file.ToArray(), "text/csv; charset=utf-8", $"certificates-{name}.csv");
    }
}
