using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Normative.Features.Certification.Registry;
using Normative.Features.Shared;
using Npgsql;
using NpgsqlTypes;

namespace Normative.Features.Certification.Verification;

/// <summary>
/// The registry's raw SQL for its public reads, in one place: one certificate by number or id (with
/// its history, audits and the CB's accreditations, in one round trip) and the search. Raw Npgsql,
/// parameterised, on the data source rather than through the DbContext: verification is the
/// registry's hottest path (thousands of requests a second), so its statement is prepared on each
/// pooled connection and read column by column, and the search needs pg_trgm's operators and a
/// query built from the words typed. The registry's only other raw SQL is the bulk load
/// (Import/ImportSql.cs); everything else goes through the DbContext.
/// </summary>
public static class VerificationSql
{
    /// <summary>How many organizations a search by name ranks at most.</summary>
    public const int MaxNameCandidates = 1_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private const string DetailSql = """
        SELECT c.id, c.number, c.standards, c.scope, c.iaf_sectors, c.sites::text, c.initial_issue_date, c.issue_date, c.expiry_date,
               c.status, c.status_reason, c.status_changed_at, c.created_at,
               cb.id, cb.code, cb.name, cb.country,
               o.name, o.country, o.address, o.company_number,
               (SELECT coalesce(json_agg(json_build_object('at', e.at, 'kind', e.kind, 'from', e.from_status, 'to', e.to_status, 'note', e.note, 'by', e.by) ORDER BY e.at, e.id), '[]')
                  FROM certificate_events e WHERE e.certificate_id = c.id)::text,
               (SELECT coalesce(json_agg(json_build_object('kind', a.kind, 'startDate', a.start_date, 'endDate', a.end_date, 'note', a.note) ORDER BY a.start_date, a.id), '[]')
                  FROM certificate_audits a WHERE a.certificate_id = c.id)::text,
               (SELECT coalesce(json_agg(json_build_object('standard', a.standard, 'status', a.status, 'validFrom', a.valid_from, 'validTo', a.valid_to,
                        'statusReason', a.status_reason, 'statusChangedAt', a.status_changed_at, 'accreditationBodyCode', ab.code,
                        'accreditationBodyName', ab.name, 'accreditationBodyCountry', ab.country, 'iafMlaSignatory', ab.iaf_mla_signatory) ORDER BY a.standard, ab.code), '[]')
                  FROM accreditations a JOIN accreditation_bodies ab ON ab.id = a.accreditation_body_id
                  WHERE a.certification_body_id = c.certification_body_id AND a.standard = ANY (c.standards))::text
        FROM certificates c
        JOIN certification_bodies cb ON cb.id = c.certification_body_id
        JOIN certified_organizations o ON o.id = c.organization_id
        """;

    /// <summary>Certificates with exactly this number, at the certification body with this code if given (any letter case).</summary>
    /// <param name="today">The day the certificates' validity is judged for.</param>
    /// <param name="prepare">Prepare the statement on the pooled connection (not through PgBouncer in transaction mode; see NormativeDatabase.PrepareStatements).</param>
    public static async Task<List<CertificateView>> VerifyAsync(NpgsqlDataSource dataSource, string number, string? certificationBody, DateOnly today, bool prepare = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(number);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(DetailSql + """
             WHERE c.number = $1 AND ($2::text IS NULL OR upper(cb.code) = upper($2::text))
            ORDER BY cb.code LIMIT 20
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = number.Trim(), NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = string.IsNullOrWhiteSpace(certificationBody) ? DBNull.Value : certificationBody.Trim(), NpgsqlDbType = NpgsqlDbType.Text });
        // Prepared once per pooled connection and reused: planning this query costs more than running it.
        if (prepare)
        {
            await cmd.PrepareAsync(ct);
        }
        return await ReadViewsAsync(cmd, today, ct);
    }

    public static async Task<CertificateView?> GetAsync(NpgsqlDataSource dataSource, long id, DateOnly today, bool prepare = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(DetailSql + " WHERE c.id = $1", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        if (prepare)
        {
            await cmd.PrepareAsync(ct);
        }
        return (await ReadViewsAsync(cmd, today, ct)).FirstOrDefault();
    }

    private static async Task<List<CertificateView>> ReadViewsAsync(NpgsqlCommand cmd, DateOnly today, CancellationToken ct)
    {
        var list = new List<CertificateView>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var standards = reader.GetFieldValue<string[]>(2);
            var status = Enum.Parse<CertificateStatus>(reader.GetString(9));
            var issue = reader.GetFieldValue<DateOnly>(7);
            var expiry = reader.GetFieldValue<DateOnly>(8);
            var events = JsonSerializer.Deserialize<List<EventRow>>(reader.GetString(21), Json)!;
            var audits = JsonSerializer.Deserialize<List<CertificateView.AuditView>>(reader.GetString(22), Json)!;
            var accreditations = JsonSerializer.Deserialize<List<CertificateView.AccreditationView>>(reader.GetString(23), Json)!;
            list.Add(new CertificateView
            {
                Id = reader.GetInt64(0),
                Number = reader.GetString(1),
                Standards = standards,
                Scope = reader.GetString(3),
                IafSectors = reader.GetFieldValue<int[]>(4),
                Sites = JsonSerializer.Deserialize<List<CertificateSite>>(reader.GetString(5), Json)!,
                InitialIssueDate = reader.GetFieldValue<DateOnly>(6),
                IssueDate = issue,
                ExpiryDate = expiry,
                Status = status,
                StatusReason = reader.IsDBNull(10) ? null : reader.GetString(10),
                StatusChangedAt = reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
                RegisteredAt = reader.GetFieldValue<DateTimeOffset>(12),
                CertificationBody = new CertificateView.BodyView(reader.GetInt32(13), reader.GetString(14), reader.GetString(15), reader.GetString(16)),
                Organization = new CertificateView.OrganizationView(reader.GetString(17), reader.GetString(18),
                    reader.IsDBNull(19) ? null : reader.GetString(19), reader.IsDBNull(20) ? null : reader.GetString(20)),
                History = events.Select(e => new CertificateView.EventView(e.At, e.Kind, e.From, e.To, e.Note, e.By == CertificateExpiry.Actor)).ToList(),
                Audits = audits,
                Accreditations = accreditations,
                CheckedOn = today,
                Validity = CertificateRules.Evaluate(status, issue, expiry, standards,
                    accreditations.Select(a => new AccreditationState(a.Standard, a.Status, a.ValidFrom, a.ValidTo)).ToList(), today),
            });
        }
        return list;
    }

    private sealed record EventRow(DateTimeOffset At, CertificateEventKind Kind, CertificateStatus? From, CertificateStatus To, string? Note, string By);

    /// <summary>
    /// One page of results (page 1 first) and whether another follows. The search must have passed
    /// <see cref="CertificateSearch.Check"/>. A name is split into words; each word may be mistyped
    /// (it matches the words of the vocabulary that look like it) and every word must be found.
    /// For one distinctive word (any others typed too common to narrow anything), the names with the
    /// spelling closest to it come first, then those that also have the common words typed, and the
    /// shortest of them first; for several, the names most like the whole name typed. A word shared by thousands is
    /// ranked among the first <see cref="MaxNameCandidates"/> organizations found, which is as deep
    /// as the pages go.
    /// </summary>
    /// <returns>The page, whether another follows, and whether the name was refused because every word of it is too common to narrow anything down.</returns>
    /// <param name="maxWordReach">A typed word whose variants are in more names than this is too common to search by.</param>
    /// <param name="prepare">Prepare the statements on the pooled connection (their text depends on the kind of search, never on the values).</param>
    public static async Task<(List<CertificateSummary> Items, bool HasMore, bool TooCommon)> SearchAsync(
        NpgsqlDataSource dataSource, CertificateSearch search, int page, long maxWordReach, DateOnly today, bool prepare = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(search);
        page = Math.Clamp(page, 1, CertificateSearch.MaxPage);
        // Everything before the connection is opened: a request never holds two pooled connections at once.
        var standards = string.IsNullOrWhiteSpace(search.Standard) ? null : await StandardsMatchingAsync(dataSource, search.Standard, ct);
        var (rows, tooCommon) = await RowsAsync(dataSource, search, page, standards, maxWordReach, prepare, ct);
        var hasMore = rows.Count > CertificateSearch.PageSize;
        rows = rows.Take(CertificateSearch.PageSize).ToList();
        var accreditations = await AccreditationsAsync(dataSource, rows.Select(r => r.BodyId).Distinct().ToArray(), prepare, ct);
        var items = rows.Select(r => r.Summary with
        {
            Validity = CertificateRules.Evaluate(r.Summary.Status, r.Issue, r.Summary.ExpiryDate, r.Summary.Standards,
                accreditations.TryGetValue(r.BodyId, out var held) ? held : [], today),
        }).ToList();
        return (items, hasMore, tooCommon);
    }

    private static async Task<(List<(CertificateSummary Summary, int BodyId, DateOnly Issue)> Rows, bool TooCommon)> RowsAsync(
        NpgsqlDataSource dataSource, CertificateSearch search, int page, string[]? standards, long maxWordReach, bool prepare, CancellationToken ct)
    {
        var rows = new List<(CertificateSummary Summary, int BodyId, DateOnly Issue)>();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        List<string[]>? variants = null;
        string[] common = [];
        if (!string.IsNullOrWhiteSpace(search.Organization))
        {
            var words = await WordVariantsAsync(conn, search.Organization.Trim(), maxWordReach, ct);
            if (words.Count == 0 || words.Any(w => w.Variants.Count == 0))
            {
                return (rows, false);
            }
            // Words found in tens of thousands of names ("and", "group") narrow nothing and cost the most: leave
            // them out when the name has others; a name made only of them is refused.
            // A word's reach: the names its spellings are in, all together.
            var selective = words.Where(w => w.Variants.Sum(v => (long)v.Reach) <= maxWordReach).ToList();
            if (selective.Count == 0)
            {
                return (rows, true);
            }
            common = words.Except(selective).Select(w => w.Typed).ToArray();
            variants = selective.Count == 1
                ? [ClosestWithin(selective[0].Variants, MaxNameCandidates)]
                : selective.Select(w => w.Variants.Select(v => v.Word).ToArray()).ToList();
        }

        await using var cmd = new NpgsqlCommand { Connection = conn };
        string Param(object value, NpgsqlDbType type)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
            return "$" + cmd.Parameters.Count;
        }

        var sql = new StringBuilder();
        string? country = string.IsNullOrWhiteSpace(search.Country) ? null : Param(search.Country.Trim().ToUpperInvariant(), NpgsqlDbType.Varchar);
        // Rank the organizations first; without other filters only the best of them need their certificates
        // (each has at least one), which spares an index lookup per candidate.
        var filtered = standards is not null || !string.IsNullOrWhiteSpace(search.CertificationBody) || !string.IsNullOrWhiteSpace(search.Number);
        string Best() => filtered ? ")" : $" ORDER BY place, misses, len, name, id LIMIT {Param(page * CertificateSearch.PageSize + 1, NpgsqlDbType.Integer)})";
        if (variants is [var only])
        {
            // One word: the names with the closest spelling come first, then those with every common word typed
            // beside it ("group" in "Ferrara Group"), and among them the shortest (the closest to what was typed).
            // Each spelling is one index lookup, and none of this compares whole names, which over a thousand
            // candidates costs more than finding them.
            var spellings = Param(only, NpgsqlDbType.Array | NpgsqlDbType.Text);
            var others = Param(common, NpgsqlDbType.Array | NpgsqlDbType.Text);
            sql.Append(CultureInfo.InvariantCulture, $"""
                WITH m AS MATERIALIZED (
                  SELECT DISTINCT ON (o.id) o.id, o.name, o.country, v.n AS place, NOT (o.name_words @> {others}::text[]) AS misses, length(o.name_key) AS len
                  FROM unnest({spellings}::text[]) WITH ORDINALITY AS v(word, n)
                  CROSS JOIN LATERAL (SELECT o.id, o.name, o.country, o.name_key, o.name_words FROM certified_organizations o
                                      WHERE o.name_words @> ARRAY[v.word]{(country is null ? "" : $" AND o.country = {country}")} LIMIT {MaxNameCandidates}) AS o
                  ORDER BY o.id, v.n),
                r AS (SELECT id, name, country, place, misses, len FROM m
                """);
            sql.Append(Best());
        }
        else if (variants is not null)
        {
            sql.Append("WITH m AS MATERIALIZED (SELECT o.id, o.name, o.name_key, o.country FROM certified_organizations o WHERE TRUE");
            foreach (var words in variants)
            {
                sql.Append($" AND o.name_words && {Param(words, NpgsqlDbType.Array | NpgsqlDbType.Text)}");
            }
            if (country is not null)
            {
                sql.Append($" AND o.country = {country}");
            }
            sql.Append(CultureInfo.InvariantCulture, $" LIMIT {MaxNameCandidates})");
            // Several words: the names most like the whole name typed come first.
            var folded = $"registry_fold({Param(search.Organization!.Trim(), NpgsqlDbType.Text)})";
            sql.Append(CultureInfo.InvariantCulture, $", r AS (SELECT id, name, country, -similarity(name_key, {folded}) AS place, FALSE AS misses, 0 AS len FROM m");
            sql.Append(Best());
        }
        if (variants is not null)
        {
            sql.Append("""
                SELECT c.id, c.number, cb.code, cb.name, r.name, r.country, c.standards, c.status, c.issue_date, c.expiry_date, c.certification_body_id
                FROM r
                JOIN certificates c ON c.organization_id = r.id
                JOIN certification_bodies cb ON cb.id = c.certification_body_id
                WHERE TRUE
                """);
        }
        else
        {
            sql.Append("""
                SELECT c.id, c.number, cb.code, cb.name, o.name, o.country, c.standards, c.status, c.issue_date, c.expiry_date, c.certification_body_id
                FROM certificates c
                JOIN certified_organizations o ON o.id = c.organization_id
                JOIN certification_bodies cb ON cb.id = c.certification_body_id
                WHERE TRUE
                """);
            if (country is not null)
            {
                sql.Append($" AND o.country = {country}");
            }
        }
        if (standards is not null)
        {
            sql.Append($" AND c.standards && {Param(standards, NpgsqlDbType.Array | NpgsqlDbType.Text)}");
        }
        if (!string.IsNullOrWhiteSpace(search.CertificationBody))
        {
            sql.Append($" AND upper(cb.code) = upper({Param(search.CertificationBody.Trim(), NpgsqlDbType.Text)})");
        }
        if (!string.IsNullOrWhiteSpace(search.Number))
        {
            sql.Append($" AND c.number = {Param(search.Number.Trim(), NpgsqlDbType.Text)}");
        }
        sql.Append(variants is null ? " ORDER BY c.id DESC" : " ORDER BY r.place, r.misses, r.len, r.name, c.id");
        sql.Append($" LIMIT {Param(CertificateSearch.PageSize + 1, NpgsqlDbType.Integer)} OFFSET {Param((page - 1) * CertificateSearch.PageSize, NpgsqlDbType.Integer)}");
        cmd.CommandText = sql.ToString();
        // The text depends on the kind of search only (how many words, which filters), never on the values,
        // so each pooled connection plans each kind once.
        if (prepare)
        {
            await cmd.PrepareAsync(ct);
        }

        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((new CertificateSummary(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.GetString(5), reader.GetFieldValue<string[]>(6), Enum.Parse<CertificateStatus>(reader.GetString(7)),
                    reader.GetFieldValue<DateOnly>(9), null!), reader.GetInt32(10), reader.GetFieldValue<DateOnly>(8)));
            }
        }
        return (rows, false);
    }

    /// <summary>
    /// The closest spellings of a word (closest first) until the names they are in reach
    /// <paramref name="candidates"/>: names with a farther spelling would rank below those, past the last
    /// page. The closest is kept however many names it is in.
    /// </summary>
    internal static string[] ClosestWithin(IReadOnlyList<(string Word, int Reach)> variants, int candidates)
    {
        var kept = new List<string>();
        long reach = 0;
        foreach (var (word, names) in variants)
        {
            if (kept.Count > 0 && reach >= candidates)
            {
                break;
            }
            kept.Add(word);
            reach += names;
        }
        return kept.ToArray();
    }

    /// <summary>
    /// For each word of the typed name (at most eight), the vocabulary's words it may stand for, closest
    /// first, each with the number of names it is in: itself, and for words of four letters or more the
    /// words that look like it (pg_trgm similarity of 0.3 or more, the 50 closest). An empty list means a
    /// word that matches nothing.
    /// </summary>
    private static async Task<List<(string Typed, List<(string Word, int Reach)> Variants)>> WordVariantsAsync(
        NpgsqlConnection conn, string name, long maxReach, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            WITH q AS (SELECT w, n FROM unnest(registry_words($1)) WITH ORDINALITY AS q(w, n) LIMIT 8)
            SELECT q.w, v.word, v.organizations
            FROM q LEFT JOIN LATERAL (
                SELECT word, organizations, 2 AS closeness FROM organization_words WHERE word = q.w
                UNION ALL
                (SELECT word, organizations, similarity(word, q.w) FROM organization_words WHERE length(q.w) >= 4 AND word % q.w
                 ORDER BY similarity(word, q.w) DESC, word LIMIT 50)) AS v ON TRUE
            ORDER BY q.n, v.closeness DESC, v.word
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = name, NpgsqlDbType = NpgsqlDbType.Text });
        // Not prepared: PostgreSQL keeps planning it afresh for each word, and then a prepared statement
        // costs more than an unnamed one (0.84 against 0.62 ms in pgbench on the 3-million registry).
        var byWord = new Dictionary<string, List<(string Word, int Reach)>>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var word = reader.GetString(0);
            if (!byWord.TryGetValue(word, out var variants))
            {
                byWord[word] = variants = [];
            }
            // A lookalike that is itself a very common word ("and" for "anderson") would swamp the word: skip it.
            // A word of the vocabulary comes twice, as itself and as its own closest lookalike: count it once.
            if (!reader.IsDBNull(1))
            {
                var variant = reader.GetString(1);
                var names = reader.GetInt32(2);
                if ((variant == word || names <= maxReach) && !variants.Exists(v => v.Word == variant))
                {
                    variants.Add((variant, names));
                }
            }
        }
        return byWord.Select(w => (w.Key, w.Value)).ToList();
    }

    /// <summary>"ISO 9001:2015" matches itself; "ISO 9001" (no year) matches every edition a CB is accredited for.</summary>
    private static async Task<string[]> StandardsMatchingAsync(NpgsqlDataSource dataSource, string input, CancellationToken ct)
    {
        var canonical = StandardReference.Canonical(input);
        await using var cmd = dataSource.CreateCommand("SELECT DISTINCT standard FROM accreditations WHERE standard = $1 OR standard LIKE $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = canonical, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = SqlLike.StartsWith(canonical + ":"), NpgsqlDbType = NpgsqlDbType.Text });
        var list = new List<string> { canonical };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(reader.GetString(0));
        }
        return list.Distinct().ToArray();
    }

    private static async Task<Dictionary<int, List<AccreditationState>>> AccreditationsAsync(NpgsqlDataSource dataSource, int[] bodyIds, bool prepare, CancellationToken ct)
    {
        var result = new Dictionary<int, List<AccreditationState>>();
        if (bodyIds.Length == 0)
        {
            return result;
        }
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT certification_body_id, standard, status, valid_from, valid_to FROM accreditations WHERE certification_body_id = ANY ($1)", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = bodyIds });
        if (prepare)
        {
            await cmd.PrepareAsync(ct);
        }
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt32(0);
            if (!result.TryGetValue(id, out var list))
            {
                result[id] = list = [];
            }
            list.Add(new AccreditationState(reader.GetString(1), Enum.Parse<AccreditationStatus>(reader.GetString(2)),
                reader.GetFieldValue<DateOnly>(3), reader.GetFieldValue<DateOnly>(4)));
        }
        return result;
    }
}
