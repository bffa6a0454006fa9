using System.Globalization;
using System.Text;
using System.Text.Json;
using Normative.Data;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Shared;
using Npgsql;
using NpgsqlTypes;

namespace Normative.Features.Catalogue.Search;

/// <summary>
/// The catalogue's search engine, in PostgreSQL alone. One box understands identifiers and words:
/// a query the identifier parser reads ("iso9001", "ISO/IEC 27001 2022", "9001") is matched by
/// number and part, the exact identifier first; anything else is searched as words in a weighted
/// tsvector (reference A, titles B, scope C/D, accents folded), the last word and numbers as
/// prefixes, and a word missing from the titles' vocabulary is replaced by its nearest neighbour
/// (pg_trgm). The current edition ranks above drafts and withdrawn ones. Results, counts per
/// filter value and highlights come back from one statement.
/// </summary>
public sealed class CatalogueSearch(ReadRoute read)
{
    public const int MaxWords = 10;
    private const int CommitteeFacetSize = 15;
    private const char MarkStart = '\uE000';
    private const char MarkEnd = '\uE001';

    private const string StatusFactor =
        "(CASE d.status WHEN 'Published' THEN 1.0 WHEN 'UnderDevelopment' THEN 0.5 WHEN 'Withdrawn' THEN 0.25 ELSE 0.1 END)";

    public Task<SearchResult> SearchAsync(SearchQuery query, string language, CancellationToken ct) =>
        read.ReadAsync(_ => SearchOnceAsync(query, language, ct));

    private async Task<SearchResult> SearchOnceAsync(SearchQuery query, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query.Q?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return await RunAsync(query, language, new Plan(SearchMode.Browse), ct);
        }
        if (ReadIdentifier(text) is { } id)
        {
            var result = await RunAsync(query, language, IdentifierPlan(id), ct);
            if (result.Total > 0)
            {
                return result;
            }
        }
        var words = Tokenize(text);
        if (words.Count == 0)
        {
            return new SearchResult(query, 0, [], SearchFacets.Empty, SearchMode.Words, null);
        }
        var plan = await WordsPlanAsync(words, ct);
        return await RunAsync(query, language, plan, ct);
    }

    /// <summary>
    /// Reads the query as an identifier when it has a number: as typed ("iso9001:2015"), or
    /// completed with ISO when it starts with the number or the type ("9001", "TS 16949").
    /// </summary>
    public static PublicationIdentifier? ReadIdentifier(string text)
    {
        if (!text.Any(char.IsAsciiDigit) || text.Length > 120)
        {
            return null;
        }
        string[] attempts = char.IsAsciiDigit(text[0]) ? ["ISO " + text] : [text, "ISO/" + text, "ISO " + text];
        foreach (var attempt in attempts)
        {
            if (PublicationIdentifier.TryParse(attempt, out var id, out _) && id.Number is not null)
            {
                return id;
            }
        }
        return null;
    }

    /// <summary>Lower-case words without accents, in order, at most <see cref="MaxWords"/>; one-letter words are dropped.</summary>
    public static List<string> Tokenize(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }
            Flush();
        }
        Flush();
        return words.Distinct().Take(MaxWords).ToList();

        void Flush()
        {
            if (current.Length > 1 || (current.Length == 1 && char.IsDigit(current[0])))
            {
                words.Add(current.Length > 40 ? current.ToString(0, 40) : current.ToString());
            }
            current.Clear();
        }
    }

    private static Plan IdentifierPlan(PublicationIdentifier id)
    {
        var plan = new Plan(SearchMode.Identifier) { Canonical = id.ToString(), MarkText = id.Number!.Value.ToString(CultureInfo.InvariantCulture) };
        var n = plan.Add(id.Number!.Value, NpgsqlDbType.Integer);
        var canonical = plan.Add(id.ToString().ToUpperInvariant(), NpgsqlDbType.Text);
        var baseKey = plan.Add(id.BaseKey, NpgsqlDbType.Text);
        string where;
        var score = new StringBuilder($"(CASE WHEN upper(d.reference) = {canonical} THEN 1000 ELSE 0 END)");
        if (id.Part is { } part)
        {
            var p = plan.Add(part, NpgsqlDbType.Text);
            var sub = plan.Add(part + "-%", NpgsqlDbType.Text);
            where = $"d.doc_number = {n} AND (d.doc_part = {p} OR d.doc_part LIKE {sub})";
            score.Append($" + (CASE WHEN d.base_key = {baseKey} THEN 200 WHEN d.doc_part = {p} THEN 100 ELSE 40 END)");
        }
        else
        {
            where = $"d.doc_number = {n}";
            if (id.Year is null && id.Supplements.IsEmpty)
            {
                // "ISO 900" also finds ISO 9000 and ISO 9001, after ISO 900 itself.
                var prefix = plan.Add(id.Number.Value.ToString(CultureInfo.InvariantCulture) + "%", NpgsqlDbType.Text);
                where = $"({where} OR d.doc_number::text LIKE {prefix})";
            }
            score.Append($" + (CASE WHEN d.base_key = {baseKey} THEN 200 WHEN d.doc_number = {n} AND d.doc_part IS NULL THEN 100 WHEN d.doc_number = {n} THEN 60 ELSE -length(d.doc_number::text) END)");
        }
        if (id.Year is { } year)
        {
            var ending = plan.Add("%:" + year.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Text);
            score.Append($" + (CASE WHEN d.supplement_of IS NULL AND d.reference LIKE {ending} THEN 300 WHEN d.supplement_of LIKE {ending} THEN 150 ELSE 0 END)");
        }
        if (id.Supplements.IsEmpty)
        {
            score.Append(" - (CASE WHEN d.supplement_of IS NOT NULL THEN 50 ELSE 0 END)");
        }
        score.Append($" + 40 * {StatusFactor}");
        plan.Where = where;
        plan.Score = score.ToString();
        return plan;
    }

    /// <summary>Corrects words that are not in the titles' vocabulary (one round trip), then builds the word query.</summary>
    private async Task<Plan> WordsPlanAsync(List<string> words, CancellationToken ct)
    {
        var last = words[^1];
        var candidates = words.Where(w => w.Length >= 4 && w.All(char.IsLetter)).ToList();
        var corrections = new Dictionary<string, string>();
        if (candidates.Count > 0)
        {
            await using var cmd = read.DataSource.CreateCommand("""
                SELECT t.w, (EXISTS (SELECT 1 FROM catalogue_words x WHERE x.word = t.w)
                             OR EXISTS (SELECT 1 FROM standard_text_clauses c
                                        WHERE c.search_vector @@ (to_tsquery('catalogue_en', t.w) || to_tsquery('catalogue_fr', t.w)))) AS known,
                       (SELECT x.word FROM catalogue_words x
                        WHERE x.word % t.w AND NOT EXISTS (SELECT 1 FROM catalogue_words y WHERE y.word = t.w)
                        ORDER BY similarity(x.word, t.w) DESC, x.document_count DESC, x.word LIMIT 1) AS nearest,
                       (t.w = $2 AND EXISTS (SELECT 1 FROM catalogue_words x WHERE x.word LIKE $3)) AS prefix
                FROM unnest($1::text[]) AS t(w)
                """);
            cmd.Parameters.Add(new NpgsqlParameter { Value = candidates.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = last, NpgsqlDbType = NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = last + "%", NpgsqlDbType = NpgsqlDbType.Text });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var word = reader.GetString(0);
                var known = reader.GetBoolean(1);
                var isPrefix = reader.GetBoolean(3);
                // The last word may be typed only in part ("managem"): then it is a prefix, not a typo.
                if (!known && !(word == last && isPrefix) && !reader.IsDBNull(2))
                {
                    corrections[word] = reader.GetString(2);
                }
            }
        }
        var terms = new List<string>();
        foreach (var word in words)
        {
            if (corrections.TryGetValue(word, out var corrected))
            {
                terms.Add(corrected);
            }
            else if (word.All(char.IsDigit))
            {
                // Numbers match references by prefix ("900" finds 9000, 9001); very short ones exactly.
                terms.Add(word.Length >= 3 ? word + ":*" : word);
            }
            else
            {
                // The last word may be unfinished: it matches as a prefix.
                terms.Add(word == last ? word + ":*" : word);
            }
        }
        var plan = new Plan(SearchMode.Words)
        {
            Corrected = corrections.Count == 0 ? null : string.Join(' ', words.Select(w => corrections.GetValueOrDefault(w, w))),
            MarkText = words.FirstOrDefault(w => w.All(char.IsDigit) && w.Length >= 3),
        };
        var tsquery = plan.Add(string.Join(" & ", terms), NpgsqlDbType.Text);
        plan.TsQuery = $"(to_tsquery('catalogue_en', {tsquery}) || to_tsquery('catalogue_fr', {tsquery}))";
        plan.Where = "d.search_vector @@ tq.q";
        // The Editors' top standards are what most people look for: they lead among equal matches.
        // A match in a reference, title or scope scores above 1; a match in the full text alone below 0.5.
        plan.Score = $"1.0 + ts_rank(d.search_vector, tq.q) * {StatusFactor} * (CASE WHEN d.supplement_type IS NULL THEN 1.0 ELSE 0.7 END) * (CASE WHEN top.deliverable_id IS NULL THEN 1.0 ELSE 1.5 END)";
        // Ranking each matching clause would read every one of their vectors; how many clauses match is read from the index alone.
        plan.TextScore = $"0.5 * (th.clauses / (th.clauses + 1.0)) * {StatusFactor} * (CASE WHEN d.supplement_type IS NULL THEN 1.0 ELSE 0.7 END)";
        return plan;
    }

    private async Task<SearchResult> RunAsync(SearchQuery query, string language, Plan plan, CancellationToken ct)
    {
        var filters = Filters(query, plan);
        var order = query.Sort switch
        {
            SearchSort.Newest => "publication_date DESC NULLS LAST, sort_key, id",
            SearchSort.Reference => "sort_key, id",
            _ => "score DESC, publication_date DESC NULLS LAST, sort_key, id",
        };
        var queryCte = plan.TsQuery is null ? "" : $"tq AS (SELECT {plan.TsQuery} AS q), ";
        var fromQuery = plan.TsQuery is null ? "" : " CROSS JOIN tq";
        var headline = plan.TsQuery is null ? "NULL::text" : HeadlineSql(language);
        var score = plan.Score ?? StatusFactor;
        var where = plan.Where ?? "true";
        const string Columns = "d.id, d.deliverable_type, d.status, d.current_stage, d.owner_committee, d.ics_paths, d.languages, d.sdgs, d.publication_date, d.sort_key";
        var textCte = "";
        var textHits = "";
        var clauseJoin = "";
        var clauseColumns = "NULL::text, NULL::text, NULL::text, NULL::text, NULL::text";
        if (plan.TextScore is not null)
        {
            // Standards whose full text matches and whose record does not: a second, small branch, so
            // that the record matches keep their index scan.
            textCte = """
                th AS MATERIALIZED (SELECT t.deliverable_id, count(*) AS clauses
                       FROM tq, standard_text_clauses c JOIN standard_texts t ON t.id = c.text_id
                       WHERE c.search_vector @@ tq.q GROUP BY t.deliverable_id),
                """;
            textHits = $"""

                UNION ALL
                SELECT {Columns}, ({plan.TextScore})::float8 AS score
                FROM th JOIN deliverables d ON d.id = th.deliverable_id CROSS JOIN tq
                WHERE NOT (d.search_vector @@ tq.q){filters}
                """;
            // Which clause matched: the best in the reader's language first. Only a clause of the free
            // preview shows a snippet of its words; any other shows its number and title alone.
            var lang = plan.Add(language, NpgsqlDbType.Text);
            clauseJoin = $"""

                LEFT JOIN LATERAL (
                    SELECT c.number::text AS number, c.title, c.anchor::text AS anchor, t.language::text AS language,
                           CASE WHEN c.preview THEN ts_headline(CASE t.language WHEN 'fr' THEN 'catalogue_fr'::regconfig ELSE 'catalogue_en'::regconfig END,
                                c.plain_text, tq.q, '{SnippetOptions}') END AS snippet
                    FROM standard_texts t JOIN standard_text_clauses c ON c.text_id = t.id
                    WHERE t.deliverable_id = d.id AND c.search_vector @@ tq.q
                    ORDER BY (t.language = {lang}) DESC, ts_rank(c.search_vector, tq.q) DESC, t.id, c.ordinal LIMIT 1) mc ON true
                """;
            clauseColumns = "mc.number, mc.title, mc.anchor, mc.language, mc.snippet";
        }
        var limit = plan.Add(query.PageSize, NpgsqlDbType.Integer);
        var offset = plan.Add((query.Page - 1) * query.PageSize, NpgsqlDbType.Integer);
        var sql = $"""
            WITH {queryCte}{textCte}m AS MATERIALIZED (
                SELECT {Columns}, ({score})::float8 AS score
                FROM deliverables d{fromQuery} LEFT JOIN top_standards top ON top.deliverable_id = d.id
                WHERE {where}{filters}{textHits}),
            page AS (SELECT id, score FROM m ORDER BY {order} LIMIT {limit} OFFSET {offset})
            SELECT 0 AS kind, NULL::text AS facet, NULL::text AS value, 0::bigint AS n, d.id, d.reference::text, d.title_en, d.title_fr,
                   d.deliverable_type::text, d.supplement_type::text, d.status::text, d.current_stage, d.publication_date, d.owner_committee::text,
                   {headline} AS headline, p.score, d.sort_key::text, d.other_titles::text, d.languages, {clauseColumns}
            FROM page p JOIN deliverables d ON d.id = p.id{fromQuery}{clauseJoin}
            UNION ALL SELECT 1, 'total', NULL, count(*), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM m
            UNION ALL SELECT 1, 'type', deliverable_type, count(*), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM m GROUP BY deliverable_type
            UNION ALL SELECT 1, 'status', status, count(*), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM m GROUP BY status
            UNION ALL SELECT 1, 'stage', current_stage::text, count(*), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM m GROUP BY current_stage
            UNION ALL (SELECT 1, 'committee', owner_committee, count(*), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
                       FROM m WHERE owner_committee IS NOT NULL GROUP BY owner_committee ORDER BY count(*) DESC, owner_committee LIMIT {CommitteeFacetSize})
            UNION ALL SELECT 1, 'ics', p, count(*), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM m, unnest(m.ics_paths) AS p WHERE length(p) = 2 GROUP BY p
            UNION ALL SELECT 1, 'year', extract(year FROM publication_date)::int::text, count(*), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
                      FROM m WHERE publication_date IS NOT NULL GROUP BY 3
            UNION ALL SELECT 1, 'language', l, count(*), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM m, unnest(m.languages) AS l GROUP BY l
            UNION ALL SELECT 1, 'sdg', g::text, count(*), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM m, unnest(m.sdgs) AS g GROUP BY g
            """;

        await using var connection = await read.DataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.AddRange(plan.Parameters.ToArray());
        // The statement's text depends only on the kind of search, never on the values, so each
        // pooled connection plans it once and reuses the plan (not through PgBouncer in transaction mode).
        if (read.PrepareStatements)
        {
            await cmd.PrepareAsync(ct);
        }
        var hits = new List<(SearchHit Hit, double Score, string SortKey)>();
        var facets = new Dictionary<string, List<FacetValue>>();
        var total = 0;
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                if (reader.GetInt32(0) == 1)
                {
                    var facet = reader.GetString(1);
                    var count = (int)reader.GetInt64(3);
                    if (facet == "total")
                    {
                        total = count;
                    }
                    else
                    {
                        if (!facets.TryGetValue(facet, out var list))
                        {
                            facets[facet] = list = [];
                        }
                        list.Add(new FacetValue(reader.GetString(2), count));
                    }
                    continue;
                }
                var reference = reader.GetString(5);
                var others = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(17));
                var title = LocalTitle.Pick(language, reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                    others, reader.GetFieldValue<string[]>(18), reference).Text;
                var segments = reader.IsDBNull(14) ? null : Segments(reader.GetString(14));
                // The headline marks the title shown, unless that title is one the statement did not mark.
                var marked = segments is not null && string.Concat(segments) == title ? segments : [title];
                var hit = new SearchHit(
                    reader.GetInt32(4), reference, title, marked, MarkReference(reference, plan.MarkText),
                    reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                    Enum.Parse<DeliverableStatus>(reader.GetString(10)), reader.GetInt32(11),
                    reader.IsDBNull(12) ? null : reader.GetFieldValue<DateOnly>(12),
                    reader.IsDBNull(13) ? null : reader.GetString(13),
                    plan.Canonical is not null && IsSame(reference, plan.Canonical),
                    reader.IsDBNull(21) ? null : new MatchedClause(
                        reader.IsDBNull(19) ? null : reader.GetString(19), reader.IsDBNull(20) ? null : reader.GetString(20),
                        reader.GetString(21), reader.GetString(22), reader.IsDBNull(23) ? null : Segments(reader.GetString(23))));
                hits.Add((hit, reader.GetDouble(15), reader.GetString(16)));
            }
        }
        var ordered = query.Sort switch
        {
            SearchSort.Newest => hits.OrderByDescending(h => h.Hit.PublicationDate.HasValue).ThenByDescending(h => h.Hit.PublicationDate)
                .ThenBy(h => h.SortKey, StringComparer.Ordinal).ThenBy(h => h.Hit.Id),
            SearchSort.Reference => hits.OrderBy(h => h.SortKey, StringComparer.Ordinal).ThenBy(h => h.Hit.Id),
            _ => hits.OrderByDescending(h => h.Score).ThenByDescending(h => h.Hit.PublicationDate.HasValue).ThenByDescending(h => h.Hit.PublicationDate)
                .ThenBy(h => h.SortKey, StringComparer.Ordinal).ThenBy(h => h.Hit.Id),
        };
        List<FacetValue> Facet(string name, Func<FacetValue, object> by, bool descending = false)
        {
            var list = facets.GetValueOrDefault(name) ?? [];
            return descending ? [.. list.OrderByDescending(by)] : [.. list.OrderBy(by)];
        }
        var result = new SearchFacets(
            Facet("type", f => -f.Count),
            Facet("status", f => Enum.Parse<DeliverableStatus>(f.Value)),
            Facet("stage", f => int.Parse(f.Value, CultureInfo.InvariantCulture)),
            Facet("committee", f => -f.Count),
            Facet("ics", f => f.Value),
            Facet("year", f => int.Parse(f.Value, CultureInfo.InvariantCulture), descending: true),
            Facet("language", f => -f.Count),
            Facet("sdg", f => int.Parse(f.Value, CultureInfo.InvariantCulture)));
        return new SearchResult(query, total, [.. ordered.Select(h => h.Hit)], result, plan.Mode, plan.Corrected);
    }

    private static string Filters(SearchQuery query, Plan plan)
    {
        var sql = new StringBuilder();
        if (query.Type is { } type)
        {
            sql.Append($" AND d.deliverable_type = {plan.Add(type, NpgsqlDbType.Text)}");
        }
        if (query.Status is { } status)
        {
            sql.Append($" AND d.status = {plan.Add(status.ToString(), NpgsqlDbType.Text)}");
        }
        if (query.Stage is { } stage)
        {
            sql.Append($" AND d.current_stage = {plan.Add(stage, NpgsqlDbType.Integer)}");
        }
        if (query.Committee is { } committee)
        {
            // A committee includes its subcommittees.
            sql.Append($" AND (d.owner_committee = {plan.Add(committee, NpgsqlDbType.Text)} OR d.owner_committee LIKE {plan.Add(SqlLike.StartsWith(committee + "/"), NpgsqlDbType.Text)})");
        }
        if (query.Ics is { } ics)
        {
            sql.Append($" AND d.ics_paths @> ARRAY[{plan.Add(ics, NpgsqlDbType.Text)}]");
        }
        if (query.Sdg is { } sdg)
        {
            sql.Append($" AND d.sdgs @> ARRAY[{plan.Add(sdg, NpgsqlDbType.Integer)}]");
        }
        if (query.YearFrom is { } from)
        {
            sql.Append($" AND d.publication_date >= {plan.Add(new DateOnly(from, 1, 1), NpgsqlDbType.Date)}");
        }
        if (query.YearTo is { } to)
        {
            sql.Append($" AND d.publication_date < {plan.Add(new DateOnly(to + 1, 1, 1), NpgsqlDbType.Date)}");
        }
        if (query.Language is { } language)
        {
            sql.Append($" AND d.languages @> ARRAY[{plan.Add(language, NpgsqlDbType.Text)}]");
        }
        return sql.ToString();
    }

    /// <summary>
    /// The matches marked in the title a reader of <paramref name="language"/> is shown (see
    /// <see cref="LocalTitle.Pick"/>): their language's, else the English, else the French one.
    /// </summary>
    private static string HeadlineSql(string language)
    {
        var (wanted, config) = language switch
        {
            "en" => ("d.title_en", "catalogue_en"),
            "fr" => ("d.title_fr", "catalogue_fr"),
            // Only the site's own language codes (two letters) reach here; anything else gets the English title.
            _ when language.Length == 2 && language.All(char.IsAsciiLetterLower) => ($"(d.other_titles->>'{language}')", "catalogue_simple"),
            _ => ("d.title_en", "catalogue_en"),
        };
        return $"""
            CASE WHEN {wanted} IS NOT NULL THEN ts_headline('{config}', {wanted}, tq.q, '{HeadlineOptions}')
                 WHEN d.title_en IS NOT NULL THEN ts_headline('catalogue_en', d.title_en, tq.q, '{HeadlineOptions}')
                 WHEN d.title_fr IS NOT NULL THEN ts_headline('catalogue_fr', d.title_fr, tq.q, '{HeadlineOptions}') END
            """;
    }

    private static string SnippetOptions => $"MaxFragments=1, MaxWords=24, MinWords=10, ShortWord=2, StartSel={MarkStart}, StopSel={MarkEnd}";

    private static string HeadlineOptions => $"HighlightAll=true, StartSel={MarkStart}, StopSel={MarkEnd}";

    /// <summary>Splits ts_headline's output at its markers: odd segments are the matches.</summary>
    private static List<string> Segments(string headline)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        foreach (var c in headline)
        {
            if (c is MarkStart or MarkEnd)
            {
                segments.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        segments.Add(current.ToString());
        return segments;
    }

    private static List<string> MarkReference(string reference, string? number)
    {
        if (number is null)
        {
            return [reference];
        }
        var at = reference.IndexOf(number, StringComparison.Ordinal);
        return at < 0 ? [reference] : [reference[..at], number, reference[(at + number.Length)..]];
    }

    private static bool IsSame(string reference, string canonical) =>
        PublicationIdentifier.TryParse(reference, out var id, out _) && string.Equals(id.ToString(), canonical, StringComparison.OrdinalIgnoreCase);

    /// <summary>The SQL pieces of one way of searching, with its parameters ($1, $2, …).</summary>
    private sealed class Plan(SearchMode mode)
    {
        public SearchMode Mode { get; } = mode;
        public List<NpgsqlParameter> Parameters { get; } = [];
        public string? Where { get; set; }
        public string? Score { get; set; }
        public string? TsQuery { get; set; }
        /// <summary>The score of a standard found by its full text alone (the words plan); null when texts are not searched.</summary>
        public string? TextScore { get; set; }
        public string? Corrected { get; init; }
        public string? Canonical { get; init; }
        public string? MarkText { get; init; }

        public string Add(object? value, NpgsqlDbType type)
        {
            Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = type });
            return "$" + Parameters.Count.ToString(CultureInfo.InvariantCulture);
        }
    }
}
