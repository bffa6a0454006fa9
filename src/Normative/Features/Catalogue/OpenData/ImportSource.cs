using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Normative.Features.Shared;

namespace Normative.Features.Catalogue.OpenData;

/// <summary>
/// An import file read one record at a time (constant memory): JSON Lines or CSV, chosen by the
/// file's extension or else by its first character; ".gz" files are decompressed on the way.
/// </summary>
public sealed class ImportSource : IDisposable
{
    private readonly Stream _file;
    private readonly TextReader _reader;
    private readonly bool _csv;
    private readonly string _name;

    private ImportSource(Stream file, TextReader reader, bool csv, string name)
    {
        _file = file;
        _reader = reader;
        _csv = csv;
        _name = name;
    }

    /// <summary>The file's size in bytes (compressed size for .gz), for a progress bar; 0 when unknown.</summary>
    public long Length => _file.CanSeek ? _file.Length : 0;

    /// <summary>How far into the file reading has come, in bytes.</summary>
    public long Position => _file.CanSeek ? _file.Position : 0;

    public string Format => _csv ? "CSV" : "JSON Lines";

    public static ImportSource Open(string path)
    {
        Stream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ImportFormatException($"Cannot read {path}: {e.Message}", e);
        }
        return Open(file, path);
    }

    public static ImportSource Open(Stream file, string name)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.ToLowerInvariant();
        Stream content = file;
        if (lower.EndsWith(".gz", StringComparison.Ordinal))
        {
            content = new GZipStream(file, CompressionMode.Decompress);
            lower = lower[..^3];
        }
        // Strict UTF-8: a binary or wrongly encoded file is refused, not imported as garbage.
        var reader = new StreamReader(content, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16);
        bool csv;
        if (lower.EndsWith(".csv", StringComparison.Ordinal))
        {
            csv = true;
        }
        else if (lower.EndsWith(".jsonl", StringComparison.Ordinal) || lower.EndsWith(".ndjson", StringComparison.Ordinal) || lower.EndsWith(".json", StringComparison.Ordinal))
        {
            csv = false;
        }
        else
        {
            var first = FirstCharacter(reader);
            if (first == '\u0001')
            {
                reader.Dispose();
                throw new ImportFormatException($"{name} is not UTF-8 text (a binary or wrongly encoded file?): nothing was imported.");
            }
            csv = first is not ('{' or '[' or '\0');
        }
        return new ImportSource(file, reader, csv, name);
    }

    /// <summary>
    /// The records of the file. A record that is not even readable (broken JSON, a CSV row with
    /// broken quotes) comes with an error instead of fields. <paramref name="signature"/> lists the
    /// fields any record of the right kind has ("a|b" when either name will do); a file whose
    /// first record lacks one of them is of another kind, and nothing is read from it.
    /// </summary>
    public IEnumerable<(int Line, RecordFields? Fields, string? Error)> Records(string kind, IReadOnlyList<string> signature) =>
        _csv ? CsvRecords(kind, signature) : JsonRecords(kind, signature);

    private static (JsonDocument? Document, string? Error) ParseJson(string text)
    {
        try
        {
            return (JsonDocument.Parse(text), null);
        }
        catch (JsonException e)
        {
            return (null, $"not valid JSON ({e.Message.Split(" LineNumber", StringSplitOptions.None)[0].TrimEnd('.', ' ')})");
        }
    }

    private IEnumerable<(int, RecordFields?, string?)> JsonRecords(string kind, IReadOnlyList<string> signature)
    {
        var line = 0;
        var checkedSignature = false;
        while (true)
        {
            string? text;
            try
            {
                text = _reader.ReadLine();
            }
            catch (DecoderFallbackException e)
            {
                throw NotText(e);
            }
            catch (InvalidDataException e)
            {
                throw new ImportFormatException($"{_name} is not a readable gzip file: {e.Message}", e);
            }
            if (text is null)
            {
                yield break;
            }
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            if (line == 1 && text.TrimStart().StartsWith('['))
            {
                throw new ImportFormatException($"{_name} is one JSON array; the import reads JSON Lines (one object a line) or CSV.");
            }
            var (document, reason) = ParseJson(text);
            if (document is null)
            {
                if (!checkedSignature && line == 1 && !text.TrimStart().StartsWith('{'))
                {
                    throw new ImportFormatException($"{_name} is neither JSON Lines nor CSV: line 1 is {reason}.");
                }
                yield return (line, null, reason);
                continue;
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    yield return (line, null, "not a JSON object");
                    continue;
                }
                var fields = new JsonRecordFields(document.RootElement, line);
                if (!checkedSignature)
                {
                    CheckSignature(kind, signature, fields.Has);
                    checkedSignature = true;
                }
                yield return (line, fields, null);
            }
        }
    }

    private IEnumerable<(int, RecordFields?, string?)> CsvRecords(string kind, IReadOnlyList<string> signature)
    {
        using var records = Csv.Read(_reader).GetEnumerator();
        if (!Next(records))
        {
            throw new ImportFormatException($"{_name} is empty: a CSV file needs a header line naming its columns.");
        }
        var header = records.Current.Fields;
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            columns.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
        }
        CheckSignature(kind, signature, columns.ContainsKey);
        while (Next(records))
        {
            var record = records.Current;
            var line = (int)record.Line;
            if (record.Problem is { } problem)
            {
                yield return (line, null, "a CSV row with " + Csv.Describe(problem));
                continue;
            }
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            yield return (line, new CsvRecordFields(columns, record.Fields, line), null);
        }
    }

    private bool Next(IEnumerator<CsvLine> records)
    {
        try
        {
            return records.MoveNext();
        }
        catch (DecoderFallbackException e)
        {
            throw NotText(e);
        }
        catch (InvalidDataException e)
        {
            throw new ImportFormatException($"{_name} is not a readable gzip file: {e.Message}", e);
        }
        catch (CsvHelper.CsvFormatException e)
        {
            // Only a record past Csv.MaxRecordBytes (a quote that never closes in a big file) stops reading.
            throw new ImportFormatException($"{_name} cannot be read past line {e.LineNumber}: {e.Message}", e);
        }
    }

    private void CheckSignature(string kind, IReadOnlyList<string> signature, Func<string, bool> has)
    {
        var missing = signature.Where(s => !s.Split('|').Any(has)).Select(s => s.Split('|')[0]).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFormatException(
                $"{_name} is not a {kind} file: it has no {string.Join(", ", missing)} " +
                $"(expected {kind} in the shape of ISO's open data, as JSON Lines or CSV).");
        }
    }

    private ImportFormatException NotText(Exception e) =>
        new($"{_name} is not UTF-8 text (a binary or wrongly encoded file?): nothing was imported.", e);

    private static char FirstCharacter(StreamReader reader)
    {
        try
        {
            int c;
            while ((c = reader.Peek()) >= 0 && char.IsWhiteSpace((char)c))
            {
                reader.Read();
            }
            return c < 0 ? '\0' : (char)c;
        }
        catch (DecoderFallbackException)
        {
            return '\u0001';
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _file.Dispose();
    }
}
