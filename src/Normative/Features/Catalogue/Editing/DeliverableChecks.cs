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
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(r);
        var problems = Check(r, today);
        if (problems.Any(p => p.Field == "reference"))
        {
            return problems;
        }
        var keys = DeliverableKeys.Of(r.Reference);
        if (await db.Deliverables.AnyAsync(d => d.Id != r.Id && d.Reference.ToUpper() == r.Reference.ToUpper(), ct))
        {
            problems.Add(new("reference", "Edit.Error.ReferenceTaken", r.Reference));
        }
        if (keys.SupplementOf is { } amended && !await db.Deliverables.AnyAsync(d => d.Reference == amended, ct))
        {
            problems.Add(new("reference", "Edit.Error.AmendsMissing", amended));
        }
        if (r.IcsCodes.Count > 0)
        {
            var known = await db.IcsCodes.Where(i => r.IcsCodes.Contains(i.Code)).Select(i => i.Code).ToListAsync(ct);
            if (r.IcsCodes.Except(known).ToList() is { Count: > 0 } unknown)
            {
                problems.Add(new("icsCode", "Edit.Error.IcsUnknown", string.Join(", ", unknown)));
            }
        }
        if (r.OwnerCommittee is { } committee && !await db.Committees.AnyAsync(c => c.Reference == committee, ct))
        {
            problems.Add(new("ownerCommittee", "Edit.Error.CommitteeUnknown", committee));
        }
        var linked = r.Replaces.Concat(r.ReplacedBy).Distinct().ToList();
        if (linked.Count > 0)
        {
            var found = await db.Deliverables.Where(d => linked.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
            if (linked.Except(found).ToList() is { Count: > 0 } missing)
            {
                problems.Add(new(r.Replaces.Intersect(missing).Any() ? "replaces" : "replacedBy", "Edit.Error.LinkMissing", string.Join(", ", missing)));
            }
            else if (!problems.Any(p => p.Field is "replaces" or "replacedBy") && await MakesCycleAsync(db, r, ct))
            {
                problems.Add(new("replaces", "Edit.Error.Cycle"));
            }
        }
        return problems;
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
        if (string.IsNullOrWhiteSpace(r.TitleEn))
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
