using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.OpenData;
using Normative.Features.Shared;

namespace Normative.Features.Catalogue.Editing;

/// <summary>
/// Bulk edit through a spreadsheet: a selection of records is exported as CSV in the open-data
/// columns (goals included), edited, and uploaded back. Reading the file compares each row with the
/// stored record field by field; applying writes every change and its history in one transaction.
/// A file whose columns differ from the export's, or with any bad line, applies nothing.
/// </summary>
public static class BulkEdit
{
    public const int MaxRows = 5000;

    /// <summary>The languages beyond English and French a bulk file always has a title column for: the site's own.</summary>
    private static readonly string[] SiteLanguages = ["es", "ru"];

    /// <summary>
    /// Writes the records as a spreadsheet file (text that looks like a formula is neutralised), with a
    /// title column for the site's languages and for each of <paramref name="titleLanguages"/> (those some record has).
    /// </summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<DeliverableRecord> records, IEnumerable<string> titleLanguages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        var languages = SiteLanguages.Union(titleLanguages).Order(StringComparer.Ordinal).ToList();
        await using var csv = Csv.ForSpreadsheet(output, leaveOpen: true);
        csv.WriteRecord([.. DeliverableEdits.Fields, .. languages.Select(DeliverableRecord.TitleColumn)]);
        await foreach (var record in records.WithCancellation(ct))
        {
            await csv.WriteRecordAsync([.. record.CsvValues(withSdgs: true, languages).Select(v => v ?? "")], ct);
        }
        await csv.FlushAsync(ct);
    }

    public static async Task<BulkPreview> ReadAsync(NormativeDb db, Stream file, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lines = Csv.Read(file).Take(MaxRows + 2).ToList();
        var header = lines.Count == 0 ? [] : lines[0].Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToList();
        var missing = DeliverableEdits.Fields.Except(header).ToList();
        // A title column per language beyond English and French is optional: a language without one keeps its stored title.
        var titleLanguages = TitleLanguages(header);
        var unknown = header.Except(DeliverableEdits.Fields).Where(h => !DeliverableRecord.IsOtherTitleColumn(h, out _)).Concat(header.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key)).Distinct().ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            return new BulkPreview(missing, unknown, [], [], 0, "");
        }
        var bad = new List<BulkLineProblem>();
        if (lines.Count > MaxRows + 1)
        {
            bad.Add(new(lines[^1].Line, new DeliverableProblem("id", "Bulk.TooManyRows", MaxRows)));
            lines = lines.Take(MaxRows + 1).ToList();
        }
        var columns = header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        var rows = new List<(long Line, DeliverableRecord Record)>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Problem is { } broken)
            {
                bad.Add(new(line.Line, null, Csv.Describe(broken)));
                continue;
            }
            // A short line would otherwise read its missing cells as empty, and an empty title cell
            // removes that title; a long one would drop what it has beyond the header.
            if (line.Fields.Count != header.Count)
            {
                bad.Add(new(line.Line, null, Csv.Describe(CsvMalformedReason.FieldCountMismatch)));
                continue;
            }
            try
            {
                rows.Add((line.Line, DeliverableRecord.Read(new CsvRecordFields(columns, line.Fields.Select(Unescape).ToList(), (int)line.Line))));
            }
            catch (BadLineException e)
            {
                bad.Add(new(line.Line, null, e.Message));
            }
        }
        foreach (var twice in rows.GroupBy(r => r.Record.Id).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
        {
            bad.Add(new(twice.Line, new DeliverableProblem("id", "Bulk.DuplicateId", twice.Record.Id)));
        }
        var ids = rows.Select(r => r.Record.Id).Distinct().ToList();
        var stored = await db.Deliverables.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var changed = new List<(long Line, DeliverableRecord Record, Deliverable Stored, List<FieldChange> Changes)>();
        foreach (var (line, record) in rows.DistinctBy(r => r.Record.Id))
        {
            if (!stored.TryGetValue(record.Id, out var d))
            {
                bad.Add(new(line, new DeliverableProblem("id", "Bulk.UnknownId", record.Id)));
                continue;
            }
            var full = WithStoredTitles(record, d, titleLanguages);
            var changes = DeliverableEdits.Diff(DeliverableEdits.Snapshot(d), full);
            if (changes.Count > 0)
            {
                changed.Add((line, full, d, changes));
            }
        }
        var problems = await DeliverableChecks.CheckManyAsync(db, [.. changed.Select(c => c.Record)], today,
            r => changed.First(c => c.Record.Id == r.Id).Changes.Any(f => f.Field is "replaces" or "replacedBy"), ct);
        foreach (var c in changed)
        {
            bad.AddRange(problems[c.Record.Id].Select(p => new BulkLineProblem(c.Line, p)));
        }
        var records = changed.Select(c => new RecordChanges(c.Line, c.Record.Id, c.Record.Reference, c.Changes)).ToList();
        return new BulkPreview([], [], [.. bad.OrderBy(b => b.Line)], records, rows.Count, Digest(records));
    }

    /// <summary>
    /// Applies the file's changes to the records (tracked), with their history, in one SaveChanges;
    /// null when the file is not applicable or its changes are no longer the ones previewed.
    /// </summary>
    public static async Task<BulkPreview?> ApplyAsync(NormativeDb db, Stream file, string digest, string by, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var preview = await ReadAsync(db, file, DateOnly.FromDateTime(at.UtcDateTime), ct);
        if (!preview.CanApply || preview.Digest != digest)
        {
            return null;
        }
        file.Position = 0;
        var (read, titleLanguages) = ReadRecords(file);
        var ids = preview.Records.Select(r => r.Id).ToList();
        var tracked = await db.Deliverables.Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        var records = new Dictionary<int, DeliverableRecord>();
        foreach (var d in tracked)
        {
            records[d.Id] = WithStoredTitles(read[d.Id], d, titleLanguages);
            DeliverableEdits.Change(db, d, records[d.Id], by, at);
        }
        await db.SaveChangesAsync(ct);
        var titles = preview.Records.Where(r => r.Changes.Any(DeliverableEdits.IsTitle)).SelectMany(r => DeliverableEdits.TitlesOf(records[r.Id]));
        await DeliverableEdits.AddTitleWordsAsync(db, titles, ct);
        return preview;
    }

    private static (Dictionary<int, DeliverableRecord> Records, List<string> TitleLanguages) ReadRecords(Stream file)
    {
        var lines = Csv.Read(file).ToList();
        var columns = lines[0].Fields.Select((name, i) => (name: name.Trim().TrimStart('\uFEFF'), i)).ToDictionary(c => c.name, c => c.i);
        var records = lines.Skip(1).Select(l => DeliverableRecord.Read(new CsvRecordFields(columns, l.Fields.Select(Unescape).ToList(), (int)l.Line))).DistinctBy(r => r.Id);
        return (records.ToDictionary(r => r.Id), TitleLanguages(columns.Keys));
    }

    private static List<string> TitleLanguages(IEnumerable<string> header) =>
        [.. header.Select(h => DeliverableRecord.IsOtherTitleColumn(h, out var language) ? language : null).OfType<string>()];

    /// <summary>
    /// The row's titles in other languages in full: those of the file's title columns as the file has
    /// them (an empty cell removes the title), the stored ones in languages the file has no column for.
    /// </summary>
    private static DeliverableRecord WithStoredTitles(DeliverableRecord row, Deliverable stored, List<string> fileLanguages)
    {
        if (fileLanguages.Count == 0)
        {
            return row;
        }
        var titles = stored.OtherTitles.Where(t => !fileLanguages.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value);
        foreach (var (language, title) in row.OtherTitles ?? new Dictionary<string, string>())
        {
            titles[language] = title;
        }
        return row with { OtherTitles = titles };
    }

    /// <summary>Takes off the apostrophe the export put before text that looks like a formula.</summary>
    private static string Unescape(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;

    private static string Digest(IEnumerable<RecordChanges> records)
    {
        var text = new StringBuilder();
        foreach (var r in records.OrderBy(r => r.Id))
        {
            foreach (var c in r.Changes)
            {
                text.Append(r.Id.ToString(CultureInfo.InvariantCulture)).Append('\u001f').Append(c.Field).Append('\u001f')
                    .Append(c.OldValue).Append('\u001f').Append(c.NewValue).Append('\u001e');
            }
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
