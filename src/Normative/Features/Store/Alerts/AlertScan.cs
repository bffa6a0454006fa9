using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Shared;

namespace Normative.Features.Store.Alerts;

/// <summary>Reads the catalogue around bought deliverables and records alert notices, once per buyer and change.</summary>
public static class AlertScan
{
    /// <summary>A change to a deliverable a buyer bought.</summary>
    public sealed record Notice(string UserId, int DeliverableId, AlertRules.Change Change);

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
            .Select(SqlLike.StartsWith)
            .ToArray();
        if (patterns.Length > 0)
        {
            var supplements = await StoreSql.SupplementsLikeAsync(db, patterns, ct);
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
        var known = bought.Values.SelectMany(d => AlertRules.ChangesFor(d, related).Select(c => new Notice(userId, d.Id, c))).ToList();
        await InsertAsync(db, known, now, mailedAt: null, ct);
    }

    /// <summary>
    /// Inserts the notices, in one statement, except those that exist for the same buyer, deliverable
    /// and change; returns the ones inserted, in the order given.
    /// </summary>
    public static async Task<IReadOnlyList<Notice>> InsertAsync(NormativeDb db, IReadOnlyList<Notice> notices, DateTimeOffset now, DateTimeOffset? mailedAt, CancellationToken ct)
    {
        if (notices.Count == 0)
        {
            return [];
        }
        var inserted = (await StoreSql.InsertAlertNoticesAsync(db,
                notices.Select(n => n.UserId).ToArray(),
                notices.Select(n => n.DeliverableId).ToArray(),
                notices.Select(n => n.Change.Key).ToArray(),
                notices.Select(n => n.Change.Kind.ToString()).ToArray(),
                notices.Select(n => n.Change.NewDeliverableId).ToArray(),
                now, mailedAt, ct))
            .ToHashSet();
        // A notice given twice is inserted once and returned once.
        return notices.Where(n => inserted.Remove(new StoreSql.NoticeKey(n.UserId, n.DeliverableId, n.Change.Key))).ToList();
    }
}
