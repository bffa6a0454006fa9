using CsvHelper;

namespace Normative.Features.Shared;

/// <summary>
/// CSV for the whole site, through CsvHelper (RFC 4180: commas, double quotes, CRLF). Reading goes
/// one record at a time in constant memory, each record with the line it starts on and, when its
/// quoting is broken, the reason (the record is still returned, so the caller can report it by
/// line). Writing has two flavours: files people open in a spreadsheet, where text that starts like
/// a formula is neutralised, and data exchanged with programs (open data), written as it is.
/// </summary>
public static class Csv
{
    /// <summary>The largest record read (a guard against a quote that never closes in a huge file).</summary>
    public const int MaxRecordBytes = 4 * 1024 * 1024;

    /// <param name="separator">
    /// The field separator; null finds it in the first lines (among , ; tab |), for files people save
    /// from a spreadsheet set to a language that writes semicolons.
    /// </param>
    public static IEnumerable<CsvLine> Read(Stream stream, int maxRecordBytes = MaxRecordBytes, char? separator = ',')
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Read(options => CsvReader.Create(stream, options, leaveOpen: true), maxRecordBytes, separator);
    }

    /// <inheritdoc cref="Read(Stream, int, char?)"/>
    public static IEnumerable<CsvLine> Read(TextReader text, int maxRecordBytes = MaxRecordBytes, char? separator = ',')
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(options => CsvReader.Create(text, options, leaveOpen: true), maxRecordBytes, separator);
    }

    private static IEnumerable<CsvLine> Read(Func<CsvReaderOptions, CsvReader> open, int maxRecordBytes, char? separator)
    {
        var problems = new Dictionary<long, CsvMalformedReason>();
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = false,
            MaxRecordSize = maxRecordBytes,
            OnMalformedRecord = r => problems.TryAdd(r.RecordNumber, r.Reason),
        };
        using var reader = open(options);
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i) ?? "";
            }
            CsvMalformedReason? problem = problems.Remove(reader.RowNumber, out var reason) ? reason : null;
            yield return new CsvLine(reader.LineNumber, fields, problem);
        }
    }

    /// <summary>
    /// A writer for a file people open in a spreadsheet (exports, compiled comments, statistics):
    /// text that starts with = + - @, a tab or CR gets a leading apostrophe, so a spreadsheet shows
    /// it instead of running it as a formula. Write numbers as numbers (WriteField of a decimal), not as text.
    /// </summary>
    public static CsvWriter ForSpreadsheet(Stream stream, bool leaveOpen = false) =>
        CsvWriter.Create(stream, SpreadsheetOptions, leaveOpen);

    /// <inheritdoc cref="ForSpreadsheet(Stream, bool)"/>
    public static CsvWriter ForSpreadsheet(TextWriter writer, bool leaveOpen = false) =>
        CsvWriter.Create(writer, SpreadsheetOptions, leaveOpen);

    /// <summary>A writer for data that programs read back (the open-data export): every value exactly as it is.</summary>
    public static CsvWriter ForData(Stream stream, bool leaveOpen = false) =>
        CsvWriter.Create(stream, DataOptions, leaveOpen);

    /// <inheritdoc cref="ForData(Stream, bool)"/>
    public static CsvWriter ForData(TextWriter writer, bool leaveOpen = false) =>
        CsvWriter.Create(writer, DataOptions, leaveOpen);

    private static readonly CsvWriterOptions SpreadsheetOptions = new()
    {
        Injection = CsvInjection.Escape,
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
        ValidateFieldCount = false,
    };

    private static readonly CsvWriterOptions DataOptions = new()
    {
        Injection = CsvInjection.None,
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
        ValidateFieldCount = false,
    };

    /// <summary>What is wrong with a record's quoting, in plain English (for the command line and logs).</summary>
    public static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside a field that is not quoted",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "a quoted field that never ends",
        CsvMalformedReason.FieldCountMismatch => "a different number of fields than the first line",
        _ => "broken quoting",
    };
}
