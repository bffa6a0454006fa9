namespace Normative.Features.Certification.Import;

/// <summary>Runs a CSV upload from a stream through the importer.</summary>
public static class CertificateUploads
{
    public static async Task<ImportResult> ImportCsvAsync(CertificateImporter importer, Stream stream, ImportOptions options, int? maxRows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(importer);
        using var reader = CertificateCsv.OpenReader(stream);
        return await importer.ImportAsync(CertificateCsv.Read(reader, maxRows), options, ct);
    }

    /// <summary>The largest upload a certification body may send through the page or the API (Certification:MaxUploadMegabytes, 64).</summary>
    public static long MaxBytes(IConfiguration configuration) =>
        (long)(configuration.GetValue("Certification:MaxUploadMegabytes", 64.0) * 1024 * 1024);
}
