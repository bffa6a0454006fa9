using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Normative.Features.Catalogue.OpenData;

/// <summary>
/// Loads open-data files into the catalogue. Each record is checked on its own; good records are
/// streamed with COPY (deliverables in text format, see <see cref="CopyTextRow"/>; committees and
/// ICS codes in binary) into a staging table and merged in one set-based statement, all in one
/// transaction: a bad line is reported and skipped (never half-written), a file of the wrong kind
/// writes nothing, and loading the same file again changes nothing.
/// </summary>
public sealed class CatalogueImporter(NpgsqlDataSource dataSource)
{
    /// <summary>When this many records in a row are rejected from the start, the file is of another kind.</summary>
    public const int FormatCheckRecords = 100;
    private const int ProblemsPrinted = 1000;
    private const int ProblemsKept = 50;
    private const long ImportLockKey = 0x4E6F726D43617461;

    private const string DeliverableColumns =
        "deliverable_type, supplement_type, reference, title_en, title_fr, publication_date, edition, ics_codes, owner_committee, " +
        "current_stage, replaces, replaced_by, languages, pages_en, pages_fr, scope_en, scope_fr, base_key, supplement_of, doc_number, doc_part, sort_key, other_titles";

    /// <summary>A file without an sdgs field leaves the goals Editors gave a record as they are.</summary>
    private const string KeptSdgs = "coalesce(s.sdgs, d.sdgs)";

    private const string CommitteeColumns =
        "reference, status, title_en, title_fr, secretariat, scope, creation_date, p_members, o_members";

    public async Task<ImportResult> ImportDeliverablesAsync(ImportSource source, TextWriter problems, Action<long, long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var clock = Stopwatch.StartNew();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockAsync(conn, ct);
        await ExecuteAsync(conn, $"""
            CREATE TEMP TABLE import_deliverables (line integer NOT NULL, id integer NOT NULL, deliverable_type text, supplement_type text,
                reference text, title_en text, title_fr text, publication_date date, edition integer, ics_codes text[], owner_committee text,
                current_stage integer, replaces integer[], replaced_by integer[], languages text[], pages_en integer, pages_fr integer,
                scope_en text, scope_fr text, base_key text, supplement_of text, doc_number integer, doc_part text, sort_key text, other_titles jsonb NOT NULL,
                sdgs integer[]) ON COMMIT DROP
            """, ct);
        var lines = new LineTally("deliverables", problems);
        var ids = new HashSet<int>();
        var repeated = false;
        var copy = (NpgsqlCopyTextWriter)await conn.BeginTextImportAsync($"COPY import_deliverables (line, id, {DeliverableColumns}, sdgs) FROM STDIN", ct);
        try
        {
            var row = new CopyTextRow(copy);
            foreach (var (line, fields, error) in source.Records("deliverables", DeliverableRecord.SignatureFields))
            {
                ct.ThrowIfCancellationRequested();
                DeliverableKeys keys = null!;
                var record = lines.Check(line, fields, error, f => DeliverableRecord.Read(f, out keys));
                if (record is null)
                {
                    continue;
                }
                repeated |= !ids.Add(record.Id);
                row.Int(line);
                row.Int(record.Id);
                row.Text(record.DeliverableType);
                row.Text(record.SupplementType);
                row.Text(record.Reference);
                row.Text(record.TitleEn);
                row.Text(record.TitleFr);
                row.Date(record.PublicationDate);
                row.Int(record.Edition);
                row.TextArray(record.IcsCodes);
                row.Text(record.OwnerCommittee);
                row.Int(record.CurrentStage);
                row.IntArray(record.Replaces);
                row.IntArray(record.ReplacedBy);
                row.TextArray(record.Languages);
                row.Int(record.PagesEn);
                row.Int(record.PagesFr);
                row.Text(record.ScopeEn);
                row.Text(record.ScopeFr);
                row.Text(keys.BaseKey);
                row.Text(keys.SupplementOf);
                row.Int(keys.Number);
                row.Text(keys.Part);
                row.Text(keys.SortKey);
                row.Text(record.OtherTitles is { Count: > 0 } others ? JsonSerializer.Serialize(others) : "{}");
                row.IntArray(record.Sdgs);
                row.End();
                if (lines.Accepted % 2000 == 0)
                {
                    progress?.Invoke(source.Position, source.Length);
                }
            }
            lines.CheckSomethingLoaded();
        }
        catch
        {
            // Disposing the writer would send what was written as a finished COPY; the error that
            // brought us here is the one to report, not a second one from a broken connection.
            try
            {
                await copy.CancelAsync();
            }
            catch (Exception)
            {
                // Whatever cancelling throws on a broken connection, the first error is the one to report.
            }
            throw;
        }
        // Disposing the writer ends the COPY: PostgreSQL checks the rows here.
        await copy.DisposeAsync();
        progress?.Invoke(source.Length, source.Length);

        // An update and an insert rather than INSERT … ON CONFLICT, which would compute every row's
        // search vector before finding that the row exists and has not changed. When an id repeats,
        // its last line wins; a file without repeats (the usual case) is merged as it was copied.
        var columns = DeliverableColumns.Split(", ");
        var merged = "import_deliverables";
        if (repeated)
        {
            merged = "import_unique";
            await ExecuteAsync(conn, "CREATE TEMP TABLE import_unique ON COMMIT DROP AS SELECT DISTINCT ON (id) * FROM import_deliverables ORDER BY id, line DESC", ct);
        }
        var updated = await ExecuteAsync(conn, $"""
            UPDATE deliverables AS d SET {string.Join(", ", columns.Select(c => $"{c} = s.{c}"))}, sdgs = {KeptSdgs}
            FROM {merged} s
            WHERE d.id = s.id AND ({string.Join(", ", columns.Select(c => $"d.{c}"))}, d.sdgs) IS DISTINCT FROM ({string.Join(", ", columns.Select(c => $"s.{c}"))}, {KeptSdgs})
            """, ct);
        var rebuild = await DropIndexesIfEmptyAsync(conn, ct);
        var inserted = await ExecuteAsync(conn, $"""
            INSERT INTO deliverables (id, {DeliverableColumns}, sdgs)
            SELECT id, {DeliverableColumns}, coalesce(sdgs, ARRAY[]::integer[]) FROM {merged} s
            WHERE NOT EXISTS (SELECT 1 FROM deliverables d WHERE d.id = s.id)
            """, ct);
        foreach (var definition in rebuild)
        {
            await ExecuteAsync(conn, definition, ct);
        }
        var distinct = ids.Count;
        var created = await CreateNamedCommitteesAsync(conn, ct);
        if (inserted + updated > 0)
        {
            await RefreshWordsAsync(conn, ct);
        }
        await tx.CommitAsync(ct);
        return lines.Result(inserted, updated, distinct, created, clock.Elapsed);
    }

    public async Task<ImportResult> ImportCommitteesAsync(ImportSource source, TextWriter problems, Action<long, long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var clock = Stopwatch.StartNew();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockAsync(conn, ct);
        await ExecuteAsync(conn, """
            CREATE TEMP TABLE import_committees (line integer NOT NULL, id integer NOT NULL, reference text NOT NULL, status text,
                title_en text, title_fr text, secretariat text, scope text, creation_date date, p_members text[], o_members text[],
                parent_id integer, parent_reference text) ON COMMIT DROP
            """, ct);
        var lines = new LineTally("committees", problems);
        await using (var copy = await conn.BeginBinaryImportAsync($"COPY import_committees (line, id, {CommitteeColumns}, parent_id, parent_reference) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (line, fields, error) in source.Records("committees", CommitteeRecord.SignatureFields))
            {
                ct.ThrowIfCancellationRequested();
                var record = lines.Check(line, fields, error, CommitteeRecord.Read);
                if (record is null)
                {
                    continue;
                }
                copy.StartRow();
                copy.Write(line, NpgsqlDbType.Integer);
                copy.Write(record.Id, NpgsqlDbType.Integer);
                copy.Write(record.Reference, NpgsqlDbType.Text);
                copy.Write(record.Status, NpgsqlDbType.Text);
                copy.Write(record.TitleEn, NpgsqlDbType.Text);
                WriteOrNull(copy, record.TitleFr, NpgsqlDbType.Text);
                WriteOrNull(copy, record.Secretariat, NpgsqlDbType.Text);
                WriteOrNull(copy, record.Scope, NpgsqlDbType.Text);
                WriteOrNull(copy, record.CreationDate, NpgsqlDbType.Date);
                copy.Write(record.PMembers.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                copy.Write(record.OMembers.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                WriteOrNull(copy, record.ParentId, NpgsqlDbType.Integer);
                WriteOrNull(copy, record.ParentReference, NpgsqlDbType.Text);
                if (lines.Accepted % 500 == 0)
                {
                    progress?.Invoke(source.Position, source.Length);
                }
            }
            lines.CheckSomethingLoaded();
            await copy.CompleteAsync(ct);
        }
        progress?.Invoke(source.Length, source.Length);

        // Within the file, the last line for an id wins; a reference given to two ids keeps the later one.
        await ExecuteAsync(conn, "DELETE FROM import_committees s USING import_committees t WHERE s.id = t.id AND s.line < t.line", ct);
        await RejectAsync(conn, lines, """
            DELETE FROM import_committees s USING import_committees t
            WHERE s.reference = t.reference AND s.id <> t.id AND s.line < t.line
            RETURNING s.line, 'reference ' || s.reference || ' is given again to id ' || t.id || ' on line ' || t.line
            """, ct);
        // A reference that belongs to another committee of the open data cannot be taken over.
        await RejectAsync(conn, lines, $"""
            DELETE FROM import_committees s USING committees c
            WHERE c.reference = s.reference AND c.id <> s.id AND c.id < {CommitteeIds.FirstLocal}
              AND NOT EXISTS (SELECT 1 FROM import_committees o WHERE o.id = c.id)
            RETURNING s.line, 'reference ' || s.reference || ' already belongs to committee id ' || c.id
            """, ct);
        // Committees created from deliverables' references take their open-data id now; when that id
        // already exists, the stand-in's subcommittees move to it and the stand-in goes.
        await ExecuteAsync(conn, $"""
            UPDATE committees c SET parent_id = s.id
            FROM committees placeholder JOIN import_committees s ON s.reference = placeholder.reference
            WHERE placeholder.id >= {CommitteeIds.FirstLocal} AND placeholder.id <> s.id AND c.parent_id = placeholder.id
              AND EXISTS (SELECT 1 FROM committees x WHERE x.id = s.id)
            """, ct);
        await ExecuteAsync(conn, $"""
            DELETE FROM committees placeholder USING import_committees s
            WHERE s.reference = placeholder.reference AND placeholder.id >= {CommitteeIds.FirstLocal} AND placeholder.id <> s.id
              AND EXISTS (SELECT 1 FROM committees x WHERE x.id = s.id)
            """, ct);
        await ExecuteAsync(conn, $"""
            UPDATE committees c SET id = s.id FROM import_committees s
            WHERE c.reference = s.reference AND c.id <> s.id AND c.id >= {CommitteeIds.FirstLocal}
            """, ct);

        var columns = CommitteeColumns.Split(", ");
        await ExecuteAsync(conn, "CREATE TEMP TABLE merged_committees (id integer NOT NULL, inserted boolean NOT NULL) ON COMMIT DROP", ct);
        await ExecuteAsync(conn, $"""
            WITH merged AS (
                INSERT INTO committees AS c (id, {CommitteeColumns})
                SELECT id, {CommitteeColumns} FROM import_committees
                ON CONFLICT (id) DO UPDATE SET {string.Join(", ", columns.Select(c => $"{c} = excluded.{c}"))}
                WHERE ({string.Join(", ", columns.Select(c => $"c.{c}"))}) IS DISTINCT FROM ({string.Join(", ", columns.Select(c => $"excluded.{c}"))})
                RETURNING c.id, (xmax = 0) AS inserted)
            INSERT INTO merged_committees SELECT id, inserted FROM merged
            """, ct);
        // Parents once every committee of the file exists (a parent may come after its children).
        await ExecuteAsync(conn, """
            WITH parents AS (
                UPDATE committees c SET parent_id = p.id
                FROM import_committees s JOIN committees p ON p.id = s.parent_id OR (s.parent_id IS NULL AND p.reference = s.parent_reference)
                WHERE c.id = s.id AND p.id <> c.id AND c.parent_id IS DISTINCT FROM p.id
                RETURNING c.id)
            INSERT INTO merged_committees SELECT id, false FROM parents
            """, ct);
        var (inserted, updated, distinct) = await MergeAsync(conn, """
            SELECT count(DISTINCT id) FILTER (WHERE inserted),
                   count(DISTINCT id) FILTER (WHERE NOT inserted AND id NOT IN (SELECT id FROM merged_committees WHERE inserted)),
                   (SELECT count(*) FROM import_committees)
            FROM merged_committees
            """, ct);
        await tx.CommitAsync(ct);
        return lines.Result(inserted, updated, distinct, 0, clock.Elapsed);
    }

    public async Task<ImportResult> ImportIcsAsync(ImportSource source, TextWriter problems, Action<long, long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var clock = Stopwatch.StartNew();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockAsync(conn, ct);
        await ExecuteAsync(conn, "CREATE TEMP TABLE import_ics (line integer NOT NULL, code text NOT NULL, parent text, title text, title_fr text, notes text[]) ON COMMIT DROP", ct);
        var lines = new LineTally("ICS codes", problems);
        await using (var copy = await conn.BeginBinaryImportAsync("COPY import_ics (line, code, parent, title, title_fr, notes) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (line, fields, error) in source.Records("ICS codes", IcsRecord.SignatureFields))
            {
                ct.ThrowIfCancellationRequested();
                var record = lines.Check(line, fields, error, IcsRecord.Read);
                if (record is null)
                {
                    continue;
                }
                copy.StartRow();
                copy.Write(line, NpgsqlDbType.Integer);
                copy.Write(record.Code, NpgsqlDbType.Text);
                WriteOrNull(copy, record.Parent, NpgsqlDbType.Text);
                copy.Write(record.Title, NpgsqlDbType.Text);
                WriteOrNull(copy, record.TitleFr, NpgsqlDbType.Text);
                copy.Write(record.Notes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            }
            lines.CheckSomethingLoaded();
            await copy.CompleteAsync(ct);
        }
        progress?.Invoke(source.Length, source.Length);
        var (inserted, updated, distinct) = await MergeAsync(conn, """
            WITH src AS (SELECT DISTINCT ON (code) * FROM import_ics ORDER BY code, line DESC),
            merged AS (
                INSERT INTO ics_codes AS i (code, parent, title, title_fr, notes)
                SELECT code, parent, title, title_fr, notes FROM src
                ON CONFLICT (code) DO UPDATE SET parent = excluded.parent, title = excluded.title, title_fr = excluded.title_fr, notes = excluded.notes
                WHERE (i.parent, i.title, i.title_fr, i.notes) IS DISTINCT FROM (excluded.parent, excluded.title, excluded.title_fr, excluded.notes)
                RETURNING (xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted), (SELECT count(*) FROM src) FROM merged
            """, ct);
        await tx.CommitAsync(ct);
        return lines.Result(inserted, updated, distinct, 0, clock.Elapsed);
    }

    /// <summary>
    /// Committees that deliverables name but nobody imported are created from their reference
    /// (with their parents: "ISO/TC 176/SC 2" brings "ISO/TC 176"), titled with the reference
    /// until the committees file gives them a title.
    /// </summary>
    private static async Task<int> CreateNamedCommitteesAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var missing = new List<string>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT DISTINCT s.owner_committee FROM import_deliverables s
            WHERE s.owner_committee IS NOT NULL AND NOT EXISTS (SELECT 1 FROM committees c WHERE c.reference = s.owner_committee)
            """, conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                missing.Add(reader.GetString(0));
            }
        }
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in missing)
        {
            for (var r = reference; r is not null; r = CommitteeReferences.ParentOf(r))
            {
                wanted.Add(r);
            }
        }
        var created = 0;
        // One statement per level, parents first, so each child finds its parent's id.
        foreach (var level in wanted.GroupBy(r => r.Count(c => c == '/')).OrderBy(g => g.Key))
        {
            var references = level.Order(StringComparer.Ordinal).ToArray();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO committees (reference, title_en, status, parent_id, p_members, o_members)
                SELECT r.reference, r.reference, 'Active', (SELECT id FROM committees p WHERE p.reference = r.parent), '{}', '{}'
                FROM unnest($1::text[], $2::text[]) AS r(reference, parent)
                ON CONFLICT (reference) DO NOTHING
                """, conn);
            insert.Parameters.Add(new NpgsqlParameter { Value = references, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = references.Select(r => CommitteeReferences.ParentOf(r)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            created += await insert.ExecuteNonQueryAsync(ct);
        }
        return created;
    }

    /// <summary>
    /// Loading an empty catalogue, the secondary indexes are dropped first and built again after
    /// the insert, as pg_restore does: building an index over 80,000 rows at once is several times
    /// faster than growing it row by row. Their definitions are read from PostgreSQL, so they stay
    /// what the migrations say; all of it inside the import's transaction.
    /// </summary>
    private static async Task<List<string>> DropIndexesIfEmptyAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var definitions = new List<(string Name, string Definition)>();
        if (await CountAsync(conn, "SELECT count(*) FROM (SELECT 1 FROM deliverables LIMIT 1) AS any_row", ct) > 0)
        {
            return [];
        }
        await using (var cmd = new NpgsqlCommand("""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = 'deliverables'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = 'deliverables'::regclass AND c.conname = i.indexname)
            """, conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                definitions.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (name, _) in definitions)
        {
            await ExecuteAsync(conn, $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", ct);
        }
        await ExecuteAsync(conn, "SET LOCAL maintenance_work_mem = '256MB'", ct);
        return definitions.Select(d => d.Definition).ToList();
    }

    /// <summary>Rebuilds the vocabulary that typo tolerance corrects towards, from all titles.</summary>
    public static async Task RefreshWordsAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conn);
        await ExecuteAsync(conn, "DELETE FROM catalogue_words", ct);
        await ExecuteAsync(conn, """
            INSERT INTO catalogue_words (word, document_count)
            SELECT word, ndoc FROM ts_stat($$SELECT to_tsvector('catalogue_simple', concat_ws(' ', title_en, title_fr))
                || jsonb_to_tsvector('catalogue_simple', other_titles, '["string"]') FROM deliverables$$)
            WHERE length(word) BETWEEN 3 AND 40 AND word ~ '^[[:alpha:]]+$'
            """, ct);
    }

    private static async Task<(int Inserted, int Updated, int Distinct)> MergeAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
    }

    private static async Task RejectAsync(NpgsqlConnection conn, LineTally lines, string sql, CancellationToken ct)
    {
        var rejected = new List<(int, string)>();
        await using (var cmd = new NpgsqlCommand(sql, conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rejected.Add((reader.GetInt32(0), reader.GetString(1)));
            }
        }
        foreach (var (line, reason) in rejected.OrderBy(r => r.Item1))
        {
            lines.RejectLater(line, reason);
        }
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<int> CountAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Imports take turns (across processes and instances), so two never insert the same new rows at once.</summary>
    private static Task LockAsync(NpgsqlConnection conn, CancellationToken ct) =>
        ExecuteAsync(conn, $"SELECT pg_advisory_xact_lock({ImportLockKey})", ct);

    private static void WriteOrNull<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
        where T : class
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, type);
        }
    }

    private static void WriteOrNull<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            copy.Write(v, type);
        }
        else
        {
            copy.WriteNull();
        }
    }

    /// <summary>Counts good and bad records, reports the bad ones, and recognises a file of another kind.</summary>
    private sealed class LineTally(string kind, TextWriter problems)
    {
        private readonly List<string> _kept = [];
        private string? _firstProblem;

        public int Accepted { get; private set; }
        public int Rejected { get; private set; }
        private int RejectedLater { get; set; }

        public T? Check<T>(int line, RecordFields? fields, string? error, Func<RecordFields, T> read)
            where T : class
        {
            if (fields is not null)
            {
                try
                {
                    var record = read(fields);
                    Accepted++;
                    return record;
                }
                catch (BadLineException e)
                {
                    error = e.Message;
                }
            }
            Reject(line, error ?? "unreadable");
            if (Accepted == 0 && Rejected >= FormatCheckRecords)
            {
                throw NotThisKind();
            }
            return null;
        }

        public void CheckSomethingLoaded()
        {
            if (Accepted > 0)
            {
                return;
            }
            throw Rejected > 0 ? NotThisKind() : new ImportFormatException($"The file has no {kind} in it: nothing was imported.");
        }

        public void RejectLater(int line, string reason)
        {
            Reject(line, reason);
            RejectedLater++;
        }

        public ImportResult Result(int inserted, int updated, int distinct, int committeesCreated, TimeSpan elapsed)
        {
            var loaded = Accepted - RejectedLater;
            if (Rejected > ProblemsPrinted)
            {
                problems.WriteLine($"… and {Rejected - ProblemsPrinted} more rejected lines.");
            }
            var title = char.ToUpperInvariant(kind[0]) + kind[1..];
            return new ImportResult(title, Accepted + Rejected - RejectedLater, inserted, updated, distinct - inserted - updated, Rejected,
                Math.Max(0, loaded - distinct), committeesCreated, _kept, elapsed);
        }

        private void Reject(int line, string reason)
        {
            Rejected++;
            var message = $"line {line}: {reason}";
            _firstProblem ??= message;
            if (_kept.Count < ProblemsKept)
            {
                _kept.Add(message);
            }
            if (Rejected <= ProblemsPrinted)
            {
                problems.WriteLine(message);
            }
        }

        private ImportFormatException NotThisKind() =>
            new($"No {kind} could be read from the file ({Rejected} records rejected, the first at {_firstProblem}): it does not look like a {kind} file, and nothing was imported.");
    }
}
