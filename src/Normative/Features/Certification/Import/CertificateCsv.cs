using System.Globalization;
using System.Text;
using CsvHelper;
using Normative.Features.Shared;

namespace Normative.Features.Certification.Import;

/// <summary>
/// The upload file: UTF-8 CSV (a byte order mark and CRLF line ends are fine) with the header
/// <see cref="HeaderLine"/>. `standard` may list several identifiers separated by ';', `sites` is
/// ';'-separated "address|country" pairs. Read through the shared <see cref="Csv"/> reader, one row at
/// a time. Problems with the whole file throw <see cref="ImportFileException"/>; problems with one
/// row come back in its item.
/// </summary>
public static class CertificateCsv
{
    public static readonly IReadOnlyList<string> Header =
        ["certificate_number", "certification_body", "organization", "country", "standard", "scope", "sites", "initial_issue_date", "issue_date", "expiry_date", "status"];

    public static string HeaderLine => string.Join(',', Header);

    /// <summary>
    /// The longest row read, in bytes: the longest values a row may hold fit many times over, and a
    /// quote that never closes in a large file stops the read here instead of filling memory.
    /// </summary>
    public const int MaxRowBytes = 256 * 1024;

    /// <summary>UTF-8 that refuses invalid bytes, so a Latin-1 or UTF-16 file is named as such instead of loading mangled names.</summary>
    public static StreamReader OpenReader(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);

    public static IEnumerable<ImportItem> Read(TextReader text, int? maxRows = null)
    {
        using var lines = Csv.Read(text, MaxRowBytes).GetEnumerator();
        var header = Next(lines, 1) ?? throw new ImportFileException(new ImportProblem(0, null, "Empty"));
        CheckHeader(header.Fields);
        var rows = 0;
        var line = 1;
        while (Next(lines, line) is { } record)
        {
            line = (int)record.Line;
            var fields = record.Fields;
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

    /// <summary>The next record, or null at the end; a file whose shape is broken from here on throws <see cref="ImportFileException"/>.</summary>
    /// <param name="lastLine">The line of the record read before, which a decoding error is reported at.</param>
    private static CsvLine? Next(IEnumerator<CsvLine> lines, int lastLine)
    {
        CsvLine record;
        try
        {
            if (!lines.MoveNext())
            {
                return null;
            }
            record = lines.Current;
        }
        catch (CsvFormatException e)
        {
            // Malformed quoting is recovered and reported with the record, so what the reader refuses is a row over the size limit.
            throw FileProblem((int)e.LineNumber, "CsvRowTooLong");
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFileException(new ImportProblem(lastLine, null, "NotUtf8"));
        }
        return record.Problem switch
        {
            CsvMalformedReason.UnterminatedQuote => throw FileProblem((int)record.Line, "CsvUnclosedQuote"),
            CsvMalformedReason.TextAfterClosingQuote => throw FileProblem((int)record.Line, "CsvTextAfterQuote"),
            // A stray quote inside an unquoted field is kept as a character, as spreadsheets write it.
            _ => record,
        };
    }

    private static ImportFileException FileProblem(int line, string code) =>
        new(new ImportProblem(line, null, code, line.ToString(CultureInfo.InvariantCulture), (MaxRowBytes / 1024).ToString("N0", CultureInfo.InvariantCulture)));

    private static void CheckHeader(IReadOnlyList<string> header)
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
}
