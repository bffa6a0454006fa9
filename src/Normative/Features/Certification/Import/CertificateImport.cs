using Normative.Data;

namespace Normative.Features.Certification.Import;

/// <summary>
/// Loads certificates in bulk (the upload page, the API, the command line): every row is checked
/// against the registry as it is read, and the good ones are loaded by <see cref="ImportSql"/>, which
/// upserts by (certification body, number). A row is loaded whole or not at all; a status that
/// changes becomes a history event. Memory stays constant whatever the size of the input.
/// </summary>
public static class CertificateImport
{
    public const int MaxListedProblems = 1_000;

    /// <summary>The most rows a certification body may send at once (page, API).</summary>
    public const int MaxRowsPerUpload = 100_000;

    public static async Task<ImportResult> RunAsync(NormativeDb db, IEnumerable<ImportItem> items, ImportOptions options, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        var registry = await RegistrySnapshot.LoadAsync(db, ct);
        var rows = new CheckedRows(items, new CertificateValidator(registry, options.OnlyBodyId, DateOnly.FromDateTime(now.UtcDateTime)), options.Progress);
        return await ImportSql.LoadAsync(db, rows, options, now, ct);
    }

    /// <summary>Runs an upload in the CSV format of <see cref="CertificateCsv"/>, read from <paramref name="stream"/>.</summary>
    public static async Task<ImportResult> RunCsvAsync(NormativeDb db, Stream stream, ImportOptions options, DateTimeOffset now, int? maxRows, CancellationToken ct = default)
    {
        using var reader = CertificateCsv.OpenReader(stream);
        return await RunAsync(db, CertificateCsv.Read(reader, maxRows), options, now, ct);
    }
}
