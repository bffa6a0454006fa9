using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// Searches every term of every text: the whole term, its beginning, a word of it, with accents and
/// case folded (unaccent), or a misspelling of it (pg_trgm similarity on the folded term, which the
/// trigram index serves). Hits are grouped by term and language; each shows every standard's
/// definition, so one term defined in several standards shows them side by side. Three queries a page.
/// </summary>
public static class TermSearch
{
    public const int PageSize = 20;
    public const int MaxQueryLength = 200;

    /// <summary>More matching designations than any page shows; the total counts within them.</summary>
    private const int MaxMatches = 2000;

    private sealed record Match(int Id, int TextId, string Concept, string Term, string TermFolded, string Language, int Rank, double Similarity);

    public static async Task<TermResults> SearchAsync(NormativeDb db, string query, string? language, int page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        query = StsHtml.Collapse(query ?? "");
        page = Math.Max(1, page);
        if (query.Length == 0)
        {
            return new TermResults(query, language, page, PageSize, 0, []);
        }
        // Ranks: 0 the whole term, 1 its beginning, 2 the beginning of one of its words, 3 inside it, 4 a near spelling.
        var matches = await db.Database.SqlQuery<Match>($"""
            WITH q AS (SELECT term_fold({query}) AS f)
            SELECT t.id AS "Id", t.text_id AS "TextId", t.concept AS "Concept", t.term AS "Term", t.term_folded AS "TermFolded",
                   t.language AS "Language",
                   CASE WHEN t.term_folded = q.f THEN 0
                        WHEN t.term_folded LIKE replace(replace(replace(q.f, '\', '\\'), '%', '\%'), '_', '\_') || '%' THEN 1
                        WHEN t.term_folded ~ ('\m' || regexp_replace(q.f, '([^[:alnum:][:space:]])', '\\\1', 'g')) THEN 2
                        WHEN strpos(t.term_folded, q.f) > 0 THEN 3
                        ELSE 4 END AS "Rank",
                   greatest(similarity(t.term_folded, q.f), word_similarity(q.f, t.term_folded))::float8 AS "Similarity"
            FROM standard_text_terms t, q
            WHERE (t.term_folded LIKE '%' || replace(replace(replace(q.f, '\', '\\'), '%', '\%'), '_', '\_') || '%'
                   OR t.term_folded % q.f OR q.f <% t.term_folded)
              AND ({language}::text IS NULL OR t.language = {language})
            ORDER BY "Rank", "Similarity" DESC, length(t.term), t.id
            LIMIT {MaxMatches}
            """).ToListAsync(ct);

        var groups = matches.GroupBy(m => (m.TermFolded, m.Language)).ToList();
        var pageGroups = groups.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        if (pageGroups.Count == 0)
        {
            return new TermResults(query, language, page, PageSize, groups.Count, []);
        }

        var pairs = pageGroups.SelectMany(g => g).Select(m => (m.TextId, m.Concept)).Distinct().ToList();
        var textIds = pairs.Select(p => p.TextId).Distinct().ToList();
        var concepts = pairs.Select(p => p.Concept).Distinct().ToList();
        var rows = await db.TextTerms.AsNoTracking()
            .Where(t => textIds.Contains(t.TextId) && concepts.Contains(t.Concept))
            .OrderBy(t => t.Ordinal)
            .ToListAsync(ct);
        var wanted = pairs.ToHashSet();
        var byConcept = rows.Where(r => wanted.Contains((r.TextId, r.Concept))).ToLookup(r => (r.TextId, r.Concept));
        // The catalogue's reference names the standard; an adoption's own reference is on its text.
        var texts = await (from t in db.StandardTexts
                           join d in db.Deliverables on t.DeliverableId equals d.Id
                           where textIds.Contains(t.Id)
                           select new { t.Id, t.DeliverableId, d.Reference, t.Language })
            .ToDictionaryAsync(t => t.Id, ct);

        var hits = pageGroups.Select(g =>
        {
            var definitions = g.DistinctBy(m => (m.TextId, m.Concept)).Select(m =>
            {
                var entry = byConcept[(m.TextId, m.Concept)].ToList();
                var self = entry.First(r => r.Id == m.Id);
                var text = texts[m.TextId];
                return new TermDefinition(text.DeliverableId, text.Reference, text.Language, self.Number, self.ClauseAnchor, self.Status,
                    self.DefinitionHtml, self.NotesHtml, self.ExamplesHtml, self.Source,
                    [.. entry.Where(r => r.Language == self.Language && r.Id != self.Id).Select(r => new TermName(r.Term, r.Language, r.Status))],
                    [.. entry.Where(r => r.Language != self.Language).Select(r => new TermName(r.Term, r.Language, r.Status))]);
            }).ToList();
            return new TermHit(g.First().Term, g.Key.Language, definitions);
        }).ToList();
        return new TermResults(query, language, page, PageSize, groups.Count, hits);
    }
}
