using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;

namespace Normative.Features.Store.Alerts;

/// <summary>Reads the catalogue around bought deliverables and records alert notices, once per buyer and change.</summary>
public static class AlertScan
{
    /// <summary>The bought deliverables and everything that could be a change to them: replacing editions and candidate supplements.</summary>
    public static async Task<(Dictionary<int, Deliverable> Bought, List<Deliverable> Related)> LoadAsync(NormativeDb db, IReadOnlyCollection<int> boughtIds, CancellationToken ct)
    {
        var bought = await db.Deliverables.AsNoTracking().Where(d => boughtIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var ids = bought.Keys.ToArray();
        var successors = bought.Values.SelectMany(d => d.ReplacedBy).Distinct().ToArray();
        var related = await db.Deliverables.AsNoTracking()
            .Where(d => d.Replaces.Any(r => ids.Contains(r)) || successors.Contains(d.Id))
            .ToListAsync(ct);
        var patterns = bought.Values
            .Select(d => AlertRules.BaseKey(d.Reference))
            .OfType<string>()
            .Distinct()
            .Select(k => k.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%")
            .ToArray();
        if (patterns.Length > 0)
        {
            var supplements = await db.Deliverables
                .FromSql($"SELECT * FROM deliverables WHERE supplement_type IS NOT NULL AND reference LIKE ANY ({patterns})")
                .AsNoTracking()
                .ToListAsync(ct);
            related.AddRange(supplements.Where(s => related.All(r => r.Id != s.Id)));
        }
        return (bought, related);
    }

    /// <summary>
    /// At payment: records the changes that already exist for what was bought as known, so the
    /// buyer is only ever told about changes that come later.
    /// </summary>
    public static async Task RecordKnownAsync(NormativeDb db, string userId, IEnumerable<int> deliverableIds, DateTimeOffset now, CancellationToken ct)
    {
        var (bought, related) = await LoadAsync(db, deliverableIds.Distinct().ToList(), ct);
        foreach (var d in bought.Values)
        {
            foreach (var change in AlertRules.ChangesFor(d, related))
            {
                await InsertAsync(db, userId, d.Id, change, now, mailedAt: null, ct);
            }
        }
    }

    /// <summary>Inserts a notice unless one exists for the same buyer, deliverable and change; true if inserted.</summary>
    public static async Task<bool> InsertAsync(NormativeDb db, string userId, int deliverableId, AlertRules.Change change, DateTimeOffset now, DateTimeOffset? mailedAt, CancellationToken ct)
    {
        var kind = change.Kind.ToString();
        var inserted = await db.Database.SqlQuery<long>($"""
            INSERT INTO alert_notices (user_id, deliverable_id, change_key, kind, new_deliverable_id, created_at, mailed_at)
            VALUES ({userId}, {deliverableId}, {change.Key}, {kind}, {change.NewDeliverableId}, {now}, {mailedAt})
            ON CONFLICT DO NOTHING
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return inserted.Count > 0;
    }
}
