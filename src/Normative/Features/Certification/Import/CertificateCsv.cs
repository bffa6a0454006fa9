using System.Globalization;
using System.Text;

namespace Normative.Features.Certification.Import;

/// <summary>
/// The upload file: UTF-8 CSV (a byte order mark and CRLF line ends are fine) with the header
/// <see cref="HeaderLine"/>. `standard` may list several identifiers separated by ';', `sites` is
/// ';'-separated "address|country" pairs. Problems with the whole file throw
/// <see cref="ImportFileException"/>; problems with one row come back in its item.
/// </summary>
public static class CertificateCsv
{
    public static readonly IReadOnlyList<string> Header =
        ["certificate_number", "certification_body", "organization", "country", "standard", "scope", "sites", "initial_issue_date", "issue_date", "expiry_date", "status"];

    public static string HeaderLine => string.Join(',', Header);

    /// <summary>UTF-8 that refuses invalid bytes, so a Latin-1 or UTF-16 file is named as such instead of loading mangled names.</summary>
    public static StreamReader OpenReader(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);

    public static IEnumerable<ImportItem> Read(TextReader text, int? maxRows = null)
    {
        var csv = new CsvRecordReader(text);
        var header = ReadRecord(csv) ?? throw new ImportFileException(new ImportProblem(0, null, "Empty"));
        CheckHeader(header);
        var rows = 0;
        while (ReadRecord(csv) is { } fields)
        {
            var line = csv.RecordLine;
            if (++rows > maxRows)
            {
                throw new ImportFileException(new ImportProblem(line, null, "TooManyRows", maxRows.Value.ToString("N0", CultureInfo.InvariantCulture)));
            }
            if (fields.Count != Header.Count)
            {
                yield return new ImportItem(line, null, new ImportProblem(line, fields[0].Trim() is { Length: > 0 and <= 100 } n ? n : null,
                    "FieldCount", fields.Count.ToString(CultureInfo.InvariantCulture), Header.Count.ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            yield return new ImportItem(line, new CertificateInput
            {
                Number = fields[0],
                CertificationBody = fields[1],
                Organization = fields[2],
                Country = fields[3],
                Standards = fields[4].Split(';'),
                Scope = fields[5],
                Sites = Sites(fields[6]),
                InitialIssueDate = fields[7],
                IssueDate = fields[8],
                ExpiryDate = fields[9],
                Status = fields[10],
            });
        }
    }

    private static List<string>? ReadRecord(CsvRecordReader csv)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw new ImportFileException(new ImportProblem(e.Line, null, "Csv" + e.Problem,
                e.Line.ToString(CultureInfo.InvariantCulture), CsvRecordReader.DefaultMaxFieldLength.ToString("N0", CultureInfo.InvariantCulture)));
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFileException(new ImportProblem(csv.RecordLine, null, "NotUtf8"));
        }
    }

    private static void CheckHeader(List<string> header)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (names.SequenceEqual(Header))
        {
            return;
        }
        var first = header[0];
        if (header.Count == 1)
        {
            foreach (var (delimiter, name) in new[] { (';', "';'"), ('\t', "tab"), ('|', "'|'") })
            {
                if (first.Contains(delimiter, StringComparison.Ordinal))
                {
                    throw new ImportFileException(new ImportProblem(1, null, "Delimiter", name));
                }
            }
        }
        var found = string.Join(',', header);
        throw new ImportFileException(new ImportProblem(1, null, "Header", HeaderLine, found.Length > 300 ? found[..300] + "…" : found));
    }

    private static List<SiteInput> Sites(string field)
    {
        var sites = new List<SiteInput>();
        foreach (var part in field.Split(';'))
        {
            var raw = part.Trim();
            if (raw.Length == 0)
            {
                continue;
            }
            var bar = raw.LastIndexOf('|');
            sites.Add(bar <= 0 || bar == raw.Length - 1
                ? new SiteInput(null, null, raw)
                : new SiteInput(raw[..bar], raw[(bar + 1)..], raw));
        }
        return sites;
    }

    /// <summary>Quotes a field when it must be (commas, quotes, line breaks).</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
