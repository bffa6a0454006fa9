using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Normative.Data;
using Normative.Features.Certification.Registry;
using Normative.Features.Certification.Verification;
using Npgsql;
using NpgsqlTypes;

namespace Normative.Features.Certification.Import;

/// <summary>
/// The import's raw SQL, in one place: the checked rows are streamed with binary COPY into a
/// temporary staging table, then set-based SQL rejects duplicates and forbidden status changes, adds
/// new organizations (and their words to the search vocabulary), upserts by (certification body,
/// number) and writes a history event per status change, all in one transaction under the registry's
/// lock. Raw Npgsql because COPY is: it streams millions of rows without a statement per row, and
/// the staging table lives only on this connection. It runs on the DbContext's own connection and
/// transaction, so the upload's record is written through the DbContext beside it. (The registry's other raw SQL, the hot
/// public reads, is in Verification/VerificationSql.cs: the two share nothing, not even a connection.)
/// </summary>
internal static class ImportSql
{
    /// <summary>Uploads that change at least this many rows vacuum the two tables and refresh the planner's statistics.</summary>
    private const int AnalyzeAfter = 10_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string StageSql = """
        CREATE TEMP TABLE certificate_stage (
            line integer NOT NULL,
            cb_id integer NOT NULL,
            number text NOT NULL,
            org_name text NOT NULL,
            org_country text NOT NULL,
            org_address text,
            org_company_number text,
            standards text[] NOT NULL,
            scope text NOT NULL,
            iaf_sectors integer[] NOT NULL,
            sites jsonb NOT NULL,
            initial_issue date NOT NULL,
            issue date NOT NULL,
            expiry date NOT NULL,
            status text NOT NULL,
            status_reason text
        ) ON COMMIT DROP
        """;

    public static async Task<ImportResult> LoadAsync(NormativeDb db, CheckedRows rows, ImportOptions options, DateTimeOffset now, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var conn = (NpgsqlConnection)db.Database.GetDbConnection();
            var uploadId = (long)(await ScalarAsync(conn, null, "SELECT nextval(pg_get_serial_sequence('certificate_uploads', 'id'))", ct))!;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var tx = (NpgsqlTransaction)transaction.GetDbTransaction();
            await ExecAsync(conn, tx, $"SELECT pg_advisory_xact_lock({RegistryLock.Key})", ct);
            await ExecAsync(conn, tx, "SET LOCAL work_mem = '64MB'", ct);
            await ExecAsync(conn, tx, StageSql, ct);
            ImportProblem? fileProblem = null;
            var copy = await conn.BeginBinaryImportAsync(
                "COPY certificate_stage (line, cb_id, number, org_name, org_country, org_address, org_company_number, standards, scope, iaf_sectors, sites, initial_issue, issue, expiry, status, status_reason) FROM STDIN (FORMAT BINARY)", ct);
            try
            {
                foreach (var record in rows)
                {
                    Write(copy, record);
                }
                await copy.CompleteAsync(ct);
            }
            catch (ImportFileException e)
            {
                fileProblem = e.Problem;
            }
            finally
            {
                // Without CompleteAsync this cancels the COPY, and the rollback below drops what was staged.
                await copy.DisposeAsync();
            }

            if (fileProblem is not null)
            {
                await transaction.RollbackAsync(ct);
                return await RecordAsync(db, options, now, new ImportResult(uploadId, rows.Total, 0, 0, 0, rows.Rejected, false, fileProblem, rows.Problems), ct);
            }

            var later = new List<ImportProblem>();
            var rejected = rows.Rejected + await RejectDuplicatesAsync(conn, tx, later, ct);
            await ExecAsync(conn, tx, """
                CREATE TEMP TABLE certificate_stage_changes ON COMMIT DROP AS
                SELECT s.line, s.number, c.id AS certificate_id, c.status AS from_status, s.status AS to_status, s.status_reason
                FROM certificate_stage s JOIN certificates c ON c.number = s.number AND c.certification_body_id = s.cb_id
                WHERE c.status <> s.status
                """, ct);
            rejected += await RejectTransitionsAsync(conn, tx, later, ct);
            rows.Keep(later);
            var problems = rows.Problems;
            problems.Sort((a, b) => a.Line.CompareTo(b.Line));

            if (options.AllOrNothing && rejected > 0)
            {
                await transaction.RollbackAsync(ct);
                return await RecordAsync(db, options, now, new ImportResult(uploadId, rows.Total, 0, 0, 0, rejected, false, null, problems), ct);
            }

            // New organizations, and their words into the search vocabulary.
            await ExecAsync(conn, tx, """
                WITH added AS (
                    INSERT INTO certified_organizations (name, country, address, company_number)
                    SELECT org_name, org_country, max(org_address), org_company_number
                    FROM certificate_stage GROUP BY org_country, org_name, org_company_number
                    ON CONFLICT (country, name, company_number) DO NOTHING
                    RETURNING name_words)
                INSERT INTO organization_words (word, organizations)
                SELECT w, count(*) FROM added CROSS JOIN LATERAL unnest(added.name_words) AS w GROUP BY w
                ON CONFLICT (word) DO UPDATE SET organizations = organization_words.organizations + excluded.organizations
                """, ct);
            await ExecAsync(conn, tx, """
                UPDATE certified_organizations o SET address = s.address
                FROM (SELECT org_country, org_name, org_company_number, max(org_address) AS address
                      FROM certificate_stage WHERE org_address IS NOT NULL GROUP BY 1, 2, 3) s
                WHERE o.country = s.org_country AND o.name = s.org_name AND o.company_number IS NOT DISTINCT FROM s.org_company_number
                  AND o.address IS DISTINCT FROM s.address
                """, ct);

            var sectors = options.Source == "json";
            var upsert = $"""
                WITH up AS (
                    INSERT INTO certificates AS c (certification_body_id, number, organization_id, standards, scope, iaf_sectors, sites,
                        initial_issue_date, issue_date, expiry_date, status, status_reason, status_changed_at, created_at, updated_at)
                    SELECT s.cb_id, s.number, o.id, s.standards, s.scope, s.iaf_sectors, s.sites, s.initial_issue, s.issue, s.expiry,
                        s.status, s.status_reason, NULL, $1, $1
                    FROM certificate_stage s
                    JOIN certified_organizations o ON o.country = s.org_country AND o.name = s.org_name
                        AND o.company_number IS NOT DISTINCT FROM s.org_company_number
                    ON CONFLICT (number, certification_body_id) DO UPDATE SET
                        organization_id = excluded.organization_id,
                        standards = excluded.standards,
                        scope = excluded.scope,
                        {(sectors ? "iaf_sectors = excluded.iaf_sectors," : "")}
                        sites = excluded.sites,
                        initial_issue_date = excluded.initial_issue_date,
                        issue_date = excluded.issue_date,
                        expiry_date = excluded.expiry_date,
                        status = excluded.status,
                        status_reason = CASE WHEN c.status <> excluded.status THEN excluded.status_reason ELSE coalesce(excluded.status_reason, c.status_reason) END,
                        status_changed_at = CASE WHEN c.status <> excluded.status THEN excluded.updated_at ELSE c.status_changed_at END,
                        updated_at = excluded.updated_at
                    WHERE (c.organization_id, c.standards, c.scope, {(sectors ? "c.iaf_sectors, " : "")}c.sites, c.initial_issue_date, c.issue_date, c.expiry_date, c.status, coalesce(excluded.status_reason, c.status_reason))
                        IS DISTINCT FROM (excluded.organization_id, excluded.standards, excluded.scope, {(sectors ? "excluded.iaf_sectors, " : "")}excluded.sites, excluded.initial_issue_date, excluded.issue_date, excluded.expiry_date, excluded.status, c.status_reason)
                    RETURNING (xmax = 0) AS inserted)
                SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up
                """;
            int inserted, updated;
            await using (var cmd = new NpgsqlCommand(upsert, conn, tx) { CommandTimeout = 0 })
            {
                cmd.Parameters.Add(new NpgsqlParameter { Value = now });
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                inserted = (int)reader.GetInt64(0);
                updated = (int)reader.GetInt64(1);
            }

            await using (var events = new NpgsqlCommand($"""
                INSERT INTO certificate_events (certificate_id, at, by, kind, from_status, to_status, note)
                SELECT ch.certificate_id, $1, $2, t.kind, ch.from_status, ch.to_status, coalesce(ch.status_reason, $3)
                FROM certificate_stage_changes ch
                JOIN ({TransitionValues()}) AS t(from_status, to_status, kind) ON t.from_status = ch.from_status AND t.to_status = ch.to_status
                """, conn, tx) { CommandTimeout = 0 })
            {
                events.Parameters.Add(new NpgsqlParameter { Value = now });
                events.Parameters.Add(new NpgsqlParameter { Value = Truncate(options.Actor, 256) });
                events.Parameters.Add(new NpgsqlParameter { Value = $"upload #{uploadId}" });
                await events.ExecuteNonQueryAsync(ct);
            }

            var unchanged = rows.Total - rejected - inserted - updated;
            var result = await RecordAsync(db, options, now, new ImportResult(uploadId, rows.Total, inserted, updated, unchanged, rejected, true, null, problems), ct);
            RegistryWrites.Touched(db);
            await transaction.CommitAsync(ct);
            if (inserted + updated >= AnalyzeAfter)
            {
                // Fresh statistics at once, not when autovacuum gets round to it: until then the planner
                // believes the tables are small and searches by name would scan them whole. The vacuum
                // too: left to autovacuum, it starts a minute or two after a large load and reads the
                // whole registry while the public verifies and searches (bench/RESULTS.md).
                await ExecAsync(conn, null, "VACUUM (ANALYZE) certificates, certified_organizations", ct);
            }
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// One staging row. Synchronous on purpose: sixteen awaited writes per row cost more than the
    /// rest of the row's work, and the importer only blocks when its buffer goes to the socket.
    /// </summary>
    private static void Write(NpgsqlBinaryImporter copy, CertificateRecord r)
    {
        copy.StartRow();
        copy.Write(r.Line, NpgsqlDbType.Integer);
        copy.Write(r.CertificationBodyId, NpgsqlDbType.Integer);
        copy.Write(r.Number, NpgsqlDbType.Text);
        copy.Write(r.Organization, NpgsqlDbType.Text);
        copy.Write(r.Country, NpgsqlDbType.Text);
        WriteNullable(copy, r.OrganizationAddress);
        WriteNullable(copy, r.CompanyNumber);
        copy.Write(r.Standards, NpgsqlDbType.Array | NpgsqlDbType.Text);
        copy.Write(r.Scope, NpgsqlDbType.Text);
        copy.Write(r.IafSectors ?? [], NpgsqlDbType.Array | NpgsqlDbType.Integer);
        copy.Write(SitesJson(r.Sites), NpgsqlDbType.Jsonb);
        copy.Write(r.InitialIssueDate, NpgsqlDbType.Date);
        copy.Write(r.IssueDate, NpgsqlDbType.Date);
        copy.Write(r.ExpiryDate, NpgsqlDbType.Date);
        copy.Write(r.Status.ToString(), NpgsqlDbType.Text);
        WriteNullable(copy, r.StatusReason);
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    /// <summary>The same JSON the EF mapping of Certificate.Sites writes, so that an unchanged row compares equal.</summary>
    public static string SitesJson(IReadOnlyList<CertificateSite> sites) => JsonSerializer.Serialize(sites, Json);

    private static async Task<int> RejectDuplicatesAsync(NpgsqlConnection conn, NpgsqlTransaction tx, List<ImportProblem> problems, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            WITH d AS (
                SELECT cb_id, number, min(line) AS first_line FROM certificate_stage
                GROUP BY cb_id, number HAVING count(*) > 1)
            DELETE FROM certificate_stage s USING d
            WHERE s.cb_id = d.cb_id AND s.number = d.number AND s.line <> d.first_line
            RETURNING s.line, s.number, d.first_line
            """, conn, tx) { CommandTimeout = 0 };
        var count = 0;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            count++;
            if (problems.Count < CertificateImport.MaxListedProblems)
            {
                problems.Add(new ImportProblem(reader.GetInt32(0), reader.GetString(1), "Duplicate", reader.GetInt32(2).ToString(CultureInfo.InvariantCulture)));
            }
        }
        return count;
    }

    private static async Task<int> RejectTransitionsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, List<ImportProblem> problems, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            WITH bad AS (
                SELECT ch.line, ch.number, ch.from_status, ch.to_status FROM certificate_stage_changes ch
                WHERE NOT EXISTS (SELECT 1 FROM ({TransitionValues()}) AS t(from_status, to_status, kind)
                                  WHERE t.from_status = ch.from_status AND t.to_status = ch.to_status)),
            gone AS (DELETE FROM certificate_stage s USING bad WHERE s.line = bad.line),
            gone_changes AS (DELETE FROM certificate_stage_changes ch USING bad WHERE ch.line = bad.line)
            SELECT line, number, from_status, to_status FROM bad
            """, conn, tx) { CommandTimeout = 0 };
        var count = 0;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            count++;
            if (problems.Count < CertificateImport.MaxListedProblems)
            {
                problems.Add(new ImportProblem(reader.GetInt32(0), reader.GetString(1), "Transition", reader.GetString(2), reader.GetString(3)));
            }
        }
        return count;
    }

    /// <summary>The allowed status changes as a SQL VALUES list, written from CertificateRules so that the two cannot disagree.</summary>
    private static string TransitionValues()
    {
        var sb = new StringBuilder("VALUES ");
        sb.AppendJoin(", ", CertificateRules.AllowedTransitions.Select(t => $"('{t.From}', '{t.To}', '{t.Kind}')"));
        return sb.ToString();
    }

    /// <summary>The upload's record, in the import's transaction when there is one (a loaded upload), else on its own.</summary>
    private static async Task<ImportResult> RecordAsync(NormativeDb db, ImportOptions options, DateTimeOffset now, ImportResult result, CancellationToken ct)
    {
        db.CertificateUploads.Add(new CertificateUpload
        {
            Id = result.UploadId, At = now, Source = options.Source, UserId = options.UserId, CertificationBodyId = options.OnlyBodyId,
            FileName = Truncate(options.FileName, 300), AllOrNothing = options.AllOrNothing, TotalRows = result.TotalRows,
            Inserted = result.Inserted, Updated = result.Updated, Unchanged = result.Unchanged, Rejected = result.Rejected, Loaded = result.Loaded,
        });
        await db.SaveChangesAsync(ct);
        return result;
    }

    private static async Task ExecAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        return await cmd.ExecuteScalarAsync(ct);
    }

    private static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
