using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Certification.Registry;
using Normative.Features.Certification.Statistics;
using Normative.Features.Certification.Verification;
using Normative.Features.Shared;
using Npgsql;
using QRCoder;

namespace Normative.Features.Certification;

/// <summary>What the registry serves besides pages and the JSON API: the receipt key, QR codes, receipts and statistics as CSV.</summary>
public static class CertificationFiles
{
    public static IEndpointRouteBuilder MapCertificationFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet(CertificationLinks.ReceiptKey, PublicKeyAsync).WithTags("Certificates").WithName("ReceiptPublicKey")
            .WithSummary("The public key that signs verification receipts, as a JWK set (with the PEM form too).")
            .Produces<JsonObject>(StatusCodes.Status200OK, "application/json");
        app.MapGet(CertificationLinks.ReceiptKeyPem, PemAsync).ExcludeFromDescription();
        app.MapGet("/certification/certificates/{id:long}/qr.svg", Qr).ExcludeFromDescription();
        app.MapGet("/certification/certificates/{id:long}/receipt.json", ReceiptAsync).ExcludeFromDescription()
            .RequireRateLimiting(CertificationFeature.SearchPolicy);
        app.MapGet("/certification/statistics/{name}.csv", StatisticsCsvAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> PublicKeyAsync(NormativeDb db, IMemoryCache cache, TimeProvider clock, CancellationToken ct)
    {
        var (key, keyId) = await ReceiptSigner.KeyAsync(db, cache, clock, ct);
        var body = new JsonObject
        {
            ["keys"] = new JsonArray(ReceiptSigner.Jwk(key, keyId)),
            ["pem"] = ReceiptSigner.Pem(key),
        };
        return Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8);
    }

    private static async Task<IResult> PemAsync(NormativeDb db, IMemoryCache cache, TimeProvider clock, CancellationToken ct)
    {
        var (key, _) = await ReceiptSigner.KeyAsync(db, cache, clock, ct);
        return Results.Text(ReceiptSigner.Pem(key) + "\n", "application/x-pem-file", Encoding.ASCII);
    }

    private static IResult Qr(long id, HttpContext context)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(SiteLinks.Absolute(context, CertificationLinks.Certificate(id)), QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(6);
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Text(svg, "image/svg+xml", Encoding.UTF8);
    }

    private static async Task<IResult> ReceiptAsync(long id, NpgsqlDataSource dataSource, NormativeDb db, IMemoryCache cache, HttpContext context, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var view = await VerificationSql.GetAsync(dataSource, id, CertificateRules.Today(now), ct: ct);
        if (view is null)
        {
            return Results.NotFound();
        }
        var key = await ReceiptSigner.KeyAsync(db, cache, clock, ct);
        var receipt = VerificationReceipts.Sign(view.Number, view.CertificationBody.Code, [view], now, key, path => SiteLinks.Absolute(context, path));
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"receipt-{id}.json\"";
        return Results.Json(receipt);
    }

    private static async Task<IResult> StatisticsCsvAsync(
        string name, string? standard, NormativeDb db, IMemoryCache cache, TimeProvider clock, IOptions<CertificationOptions> options, CancellationToken ct)
    {
        if (!StatisticsCsv.Names.Contains(name))
        {
            return Results.NotFound();
        }
        var figures = await CertificationStatistics.GetAsync(db, cache, CertificateRules.Today(clock.GetUtcNow()), options.Value.StatisticsLifetime, ct);
        using var file = new MemoryStream();
        StatisticsCsv.Write(file, figures, name, string.IsNullOrWhiteSpace(standard) ? null : standard.Trim());
        return Results.File(file.ToArray(), "text/csv; charset=utf-8", $"certificates-{name}.csv");
    }
}
