using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.OpenData;

namespace Normative.Features.Catalogue.Editing;

/// <summary>
/// Editors' changes to deliverables: a record is compared with what is stored field by field (the
/// open-data fields, valued as the CSV export writes them), the changed fields are applied and each
/// change is kept as a <see cref="DeliverableChange"/> in the same transaction.
/// </summary>
public static class DeliverableEdits
{
    /// <summary>The open-data field names, in the export's order, the goals last.</summary>
    public static readonly IReadOnlyList<string> Fields = [.. DeliverableRecord.CsvColumns, DeliverableRecord.SdgsColumn];

    /// <summary>The stored deliverable as an open-data record.</summary>
    public static DeliverableRecord Snapshot(Deliverable d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.DeliverableType, d.SupplementType, d.Reference, d.TitleEn, d.TitleFr, d.PublicationDate, d.Edition,
            [.. d.IcsCodes], d.OwnerCommittee, d.CurrentStage, [.. d.Replaces], [.. d.ReplacedBy], [.. d.Languages],
            d.PagesEn, d.PagesFr, d.ScopeEn, d.ScopeFr, [.. d.Sdgs], d.OtherTitles.Count == 0 ? null : new Dictionary<string, string>(d.OtherTitles));
    }

    /// <summary>
    /// Every field whose value differs, in <see cref="Fields"/> order with the titles in other languages
    /// ("title.ru") after the French one. A record without goals (null) leaves them out, and one without
    /// other titles (null) leaves those out; otherwise a language it does not have is a title removed.
    /// </summary>
    public static List<FieldChange> Diff(DeliverableRecord before, DeliverableRecord after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.CsvValues(withSdgs: true);
        var now = after.CsvValues(withSdgs: true);
        var changes = new List<FieldChange>();
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i] == DeliverableRecord.SdgsColumn && after.Sdgs is null)
            {
                continue;
            }
            if (!string.Equals(Normalize(old[i]), Normalize(now[i]), StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(Fields[i], Normalize(old[i]), Normalize(now[i])));
            }
            if (Fields[i] == "title.fr" && after.OtherTitles is { } titles)
            {
                var was = before.OtherTitles ?? new Dictionary<string, string>();
                foreach (var language in was.Keys.Union(titles.Keys).Order(StringComparer.Ordinal))
                {
                    var from = Normalize(was.GetValueOrDefault(language));
                    var to = Normalize(titles.GetValueOrDefault(language));
                    if (!string.Equals(from, to, StringComparison.Ordinal))
                    {
                        changes.Add(new FieldChange(DeliverableRecord.TitleColumn(language), from, to));
                    }
                }
            }
        }
        return changes;
    }

    /// <summary>Copies the record's values onto the tracked deliverable.</summary>
    public static void Apply(Deliverable d, DeliverableRecord r)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(r);
        d.DeliverableType = r.DeliverableType;
        d.SupplementType = r.SupplementType;
        if (d.Reference != r.Reference)
        {
            d.Reference = r.Reference;
        }
        d.TitleEn = r.TitleEn;
        d.TitleFr = r.TitleFr;
        // A record that says nothing of titles in other languages (an API call with English and French only) keeps the stored ones.
        if (r.OtherTitles is not null)
        {
            d.OtherTitles = r.OtherTitles.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToDictionary(t => t.Key, t => t.Value);
        }
        d.PublicationDate = r.PublicationDate;
        d.Edition = r.Edition;
        d.IcsCodes = [.. r.IcsCodes];
        d.OwnerCommittee = r.OwnerCommittee;
        d.CurrentStage = r.CurrentStage;
        d.Replaces = [.. r.Replaces];
        d.ReplacedBy = [.. r.ReplacedBy];
        d.Languages = [.. r.Languages];
        d.PagesEn = r.PagesEn;
        d.PagesFr = r.PagesFr;
        d.ScopeEn = r.ScopeEn;
        d.ScopeFr = r.ScopeFr;
        if (r.Sdgs is not null)
        {
            d.Sdgs = [.. r.Sdgs];
        }
    }

    /// <summary>
    /// Applies <paramref name="after"/> to the tracked deliverable and records each changed field;
    /// the caller saves (one SaveChanges for one record or a whole bulk file). Returns the changes.
    /// </summary>
    public static List<FieldChange> Change(NormativeDb db, Deliverable d, DeliverableRecord after, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        var changes = Diff(Snapshot(d), after);
        if (changes.Count == 0)
        {
            return changes;
        }
        Apply(d, after);
        db.DeliverableChanges.AddRange(changes.Select(c => new DeliverableChange
        {
            DeliverableId = d.Id, At = at, By = by, Field = c.Field, OldValue = c.OldValue, NewValue = c.NewValue,
        }));
        return changes;
    }

    /// <summary>
    /// Adds the words of changed titles to the vocabulary the search corrects typos towards, so a
    /// word that is new to the catalogue is searched as typed, not "corrected" away (an import rebuilds it whole).
    /// </summary>
    public static Task AddTitleWordsAsync(NormativeDb db, IEnumerable<string?> titles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = string.Join(' ', titles.Where(t => !string.IsNullOrEmpty(t)));
        return text.Length == 0 ? Task.CompletedTask : db.Database.ExecuteSqlAsync($"""
            INSERT INTO catalogue_words (word, document_count)
            SELECT w, 1 FROM unnest(tsvector_to_array(to_tsvector('catalogue_simple', {text}))) AS w
            WHERE length(w) BETWEEN 3 AND 40 AND w ~ '^[[:alpha:]]+$'
            ON CONFLICT (word) DO NOTHING
            """, ct);
    }

    /// <summary>
    /// The languages beyond English and French that some deliverable has a title in, in code order:
    /// the columns (see <see cref="DeliverableRecord.TitleColumn"/>) an export adds after ISO's.
    /// </summary>
    public static async Task<List<string>> OtherTitleLanguagesAsync(NormativeDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = await db.Database.SqlQuery<string>($"SELECT DISTINCT jsonb_object_keys(other_titles) AS \"Value\" FROM deliverables").ToListAsync(ct);
        return keys.Where(k => DeliverableRecord.IsOtherTitleColumn(DeliverableRecord.TitleColumn(k), out _)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether a change is to a title, in any language.</summary>
    public static bool IsTitle(FieldChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Field.StartsWith("title.", StringComparison.Ordinal);
    }

    /// <summary>The record's titles in every language, for <see cref="AddTitleWordsAsync"/>.</summary>
    public static IEnumerable<string?> TitlesOf(DeliverableRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.Titles().Select(t => (string?)t.Value);
    }

    private static string? Normalize(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
