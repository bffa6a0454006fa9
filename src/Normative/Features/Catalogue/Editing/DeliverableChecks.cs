using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Catalogue.OpenData;
using Normative.Features.Catalogue.Sdgs;

namespace Normative.Features.Catalogue.Editing;

/// <summary>
/// The checks a deliverable must pass before an Editor's change is saved (one record, a new one,
/// or a row of a bulk file): what the import checks in a record, and what only the catalogue can
/// say — the reference is free, the edition a supplement amends exists, the ICS codes are in the
/// tree, the committee is known, the editions it replaces exist and no edition ends up replacing
/// itself.
/// </summary>
public static class DeliverableChecks
{
    public static async Task<List<DeliverableProblem>> CheckAsync(NormativeDb db, DeliverableRecord r, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        return (await CheckManyAsync(db, [r], today, _ => true, ct))[r.Id];
    }

    /// <summary>
    /// Checks many records with one query per kind of check, whatever their number (a bulk file).
    /// Only the loop check runs per record, and only for those <paramref name="linksChanged"/> says
    /// have new links to other editions.
    /// </summary>
    public static async Task<Dictionary<int, List<DeliverableProblem>>> CheckManyAsync(
        NormativeDb db, IReadOnlyList<DeliverableRecord> records, DateOnly today, Func<DeliverableRecord, bool> linksChanged, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(linksChanged);
        var result = records.ToDictionary(r => r.Id, r => Check(r, today));
        var readable = records.Where(r => !result[r.Id].Any(p => p.Field == "reference")).ToList();
        if (readable.Count == 0)
        {
            return result;
        }
        var references = readable.Select(r => r.Reference.ToUpperInvariant()).Distinct().ToList();
        var holders = await db.Deliverables.Where(d => references.Contains(d.Reference.ToUpper())).Select(d => new { d.Id, d.Reference }).ToListAsync(ct);
        var amended = readable.Select(r => DeliverableKeys.Of(r.Reference).SupplementOf).OfType<string>().Distinct().ToList();
        var amendedFound = amended.Count == 0 ? [] : (await db.Deliverables.Where(d => amended.Contains(d.Reference)).Select(d => d.Reference).ToListAsync(ct)).ToHashSet();
        var codes = readable.SelectMany(r => r.IcsCodes).Distinct().ToList();
        var knownCodes = codes.Count == 0 ? [] : (await db.IcsCodes.Where(i => codes.Contains(i.Code)).Select(i => i.Code).ToListAsync(ct)).ToHashSet();
        var committees = readable.Select(r => r.OwnerCommittee).OfType<string>().Distinct().ToList();
        var knownCommittees = committees.Count == 0 ? [] : (await db.Committees.Where(c => committees.Contains(c.Reference)).Select(c => c.Reference).ToListAsync(ct)).ToHashSet();
        var linked = readable.SelectMany(r => r.Replaces.Concat(r.ReplacedBy)).Distinct().ToList();
        var knownIds = linked.Count == 0 ? [] : (await db.Deliverables.Where(d => linked.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        foreach (var r in readable)
        {
            var problems = result[r.Id];
            if (holders.Any(h => h.Id != r.Id && string.Equals(h.Reference, r.Reference, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(new("reference", "Edit.Error.ReferenceTaken", r.Reference));
            }
            if (DeliverableKeys.Of(r.Reference).SupplementOf is { } of && !amendedFound.Contains(of))
            {
                problems.Add(new("reference", "Edit.Error.AmendsMissing", of));
            }
            if (r.IcsCodes.Where(c => IcsRecord.IsCode(c) && !knownCodes.Contains(c)).ToList() is { Count: > 0 } unknown)
            {
                problems.Add(new("icsCode", "Edit.Error.IcsUnknown", string.Join(", ", unknown)));
            }
            if (r.OwnerCommittee is { } committee && !knownCommittees.Contains(committee))
            {
                problems.Add(new("ownerCommittee", "Edit.Error.CommitteeUnknown", committee));
            }
            var missing = r.Replaces.Concat(r.ReplacedBy).Where(i => !knownIds.Contains(i)).Distinct().ToList();
            if (missing.Count > 0)
            {
                problems.Add(new(r.Replaces.Intersect(missing).Any() ? "replaces" : "replacedBy", "Edit.Error.LinkMissing", string.Join(", ", missing)));
            }
            else if ((r.Replaces.Count > 0 || r.ReplacedBy.Count > 0) && !problems.Any(p => p.Field is "replaces" or "replacedBy")
                && linksChanged(r) && await MakesCycleAsync(db, r, ct))
            {
                problems.Add(new("replaces", "Edit.Error.Cycle"));
            }
        }
        return result;
    }

    /// <summary>The checks that need nothing but the record itself.</summary>
    public static List<DeliverableProblem> Check(DeliverableRecord r, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(r);
        var problems = new List<DeliverableProblem>();
        if (!PublicationIdentifier.TryParse(r.Reference, out _, out var why))
        {
            problems.Add(new("reference", "Edit.Error.Reference", r.Reference, why));
        }
        else
        {
            var keys = DeliverableKeys.Of(r.Reference);
            if (r.SupplementType is not null && keys.SupplementOf is null)
            {
                problems.Add(new("supplementType", "Edit.Error.NotASupplement", r.Reference));
            }
            else if (r.SupplementType is null && keys.SupplementOf is not null)
            {
                problems.Add(new("supplementType", "Edit.Error.SupplementTypeMissing", r.Reference));
            }
        }
        // A deliverable published in French only (or in any one language) has that title alone.
        if (!r.Titles().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
        {
            problems.Add(new("title.en", "Edit.Error.TitleMissing"));
        }
        if (!HarmonizedStages.IsKnown(r.CurrentStage))
        {
            problems.Add(new("currentStage", "Edit.Error.Stage"));
        }
        else if (r.PublicationDate is { } date && date > today && HarmonizedStages.StatusOf(r.CurrentStage) is DeliverableStatus.Published or DeliverableStatus.Withdrawn)
        {
            problems.Add(new("publicationDate", "Edit.Error.FutureDate", CatalogueFormat.Date(date)));
        }
        if (r.Edition is <= 0)
        {
            problems.Add(new("edition", "Edit.Error.Edition"));
        }
        if (r.IcsCodes.FirstOrDefault(c => !IcsRecord.IsCode(c)) is { } badCode)
        {
            problems.Add(new("icsCode", "Edit.Error.IcsCode", badCode));
        }
        if (r.Replaces.Contains(r.Id) || r.ReplacedBy.Contains(r.Id) || r.Replaces.Intersect(r.ReplacedBy).Any())
        {
            problems.Add(new("replaces", "Edit.Error.Cycle"));
        }
        if (r.Sdgs?.FirstOrDefault(g => !Sdg.IsGoal(g)) is { } goal and not 0)
        {
            problems.Add(new("sdgs", "Edit.Error.Sdg", goal));
        }
        return problems;
    }

    /// <summary>
    /// Whether, with this record's links in place of its stored ones, an edition would be older than
    /// itself: edges run from newer to older (A replaces B, or B is replaced by A), walked in one statement.
    /// </summary>
    private static async Task<bool> MakesCycleAsync(NormativeDb db, DeliverableRecord r, CancellationToken ct)
    {
        var replaces = r.Replaces.ToArray();
        var replacedBy = r.ReplacedBy.ToArray();
        var cycles = await db.Database.SqlQuery<bool>($"""
            WITH RECURSIVE edges (newer, older) AS (
                SELECT d.id, o FROM deliverables d, unnest(d.replaces) AS o WHERE d.id <> {r.Id}
                UNION SELECT n, d.id FROM deliverables d, unnest(d.replaced_by) AS n WHERE d.id <> {r.Id}
                UNION SELECT {r.Id}, o FROM unnest({replaces}::integer[]) AS o
                UNION SELECT n, {r.Id} FROM unnest({replacedBy}::integer[]) AS n),
            walk (id) AS (
                SELECT older FROM edges WHERE newer = {r.Id}
                UNION SELECT e.older FROM edges e JOIN walk w ON e.newer = w.id)
            SELECT EXISTS (SELECT 1 FROM walk WHERE id = {r.Id}) AS "Value"
            """).ToListAsync(ct);
        return cycles.Single();
    }
}
