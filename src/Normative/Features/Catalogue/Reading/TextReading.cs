using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.Identifiers;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// What the reader reads: a deliverable's text in a language (ISO's own before an adoption) and its
/// clauses, licensed ones without their content for those who hold no licence. Three indexed queries.
/// </summary>
public static class TextReading
{
    public static async Task<ReaderText?> FindAsync(NormativeDb db, int deliverableId, string? language, string preferred, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var texts = await db.StandardTexts.AsNoTracking()
            .Where(t => t.DeliverableId == deliverableId)
            .OrderBy(t => t.Level).ThenBy(t => t.Publisher)
            .Select(t => new { t.Id, t.Language, t.Publisher, t.Level, t.Reference, t.Title, t.Edition, t.ReleaseDate })
            .ToListAsync(ct);
        if (texts.Count == 0)
        {
            return null;
        }
        var chosen = language is not null
            ? texts.FirstOrDefault(t => t.Language == language)
            : texts.FirstOrDefault(t => t.Language == preferred) ?? texts.FirstOrDefault(t => t.Language == "en") ?? texts[0];
        if (chosen is null)
        {
            return null;
        }
        var reference = await db.Deliverables.Where(d => d.Id == deliverableId).Select(d => d.Reference).SingleAsync(ct);
        return new ReaderText(chosen.Id, deliverableId, reference, chosen.Language, chosen.Publisher, chosen.Level, chosen.Reference, chosen.Title,
            chosen.Edition, chosen.ReleaseDate, [.. texts.Select(t => t.Language).Distinct().Order(StringComparer.Ordinal)],
            UrnOf(reference, chosen.Edition, chosen.Language));
    }

    public static async Task<List<ReaderClause>> ClausesAsync(NormativeDb db, int textId, bool licensed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.TextClauses.AsNoTracking()
            .Where(c => c.TextId == textId)
            .OrderBy(c => c.Ordinal)
            .Select(c => new ReaderClause(c.Anchor, c.Number, c.Title, c.Level, c.Kind, c.Preview, licensed || c.Preview ? c.Html : null))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The text's RFC 5141 URN without the year, as ISO cites a clause
    /// (<c>urn:iso:std:iso:13849:-1:ed-2:en</c>); a clause adds <c>:sec:3.1.1</c>.
    /// </summary>
    public static string? UrnOf(string reference, int? edition, string language)
    {
        if (!PublicationIdentifier.TryParse(reference, out var id, out _))
        {
            return null;
        }
        return (id with { Year = null, Edition = edition ?? id.Edition, Languages = [language] }).ToUrn();
    }

    public static string? ClauseUrn(string? textUrn, ReaderClause clause) =>
        textUrn is null ? null : clause.Number is { Length: > 0 } n
            ? textUrn + ":sec:" + ClauseRules.Safe(n.StartsWith("Annex ", StringComparison.OrdinalIgnoreCase) ? n[6..] : n)
            : textUrn + ":sec:" + clause.Anchor.Replace("sec_", "", StringComparison.Ordinal).ToLower(CultureInfo.InvariantCulture);
}
