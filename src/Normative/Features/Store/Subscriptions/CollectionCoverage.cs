using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;

namespace Normative.Features.Store.Subscriptions;

/// <summary>
/// What a collection covers today, read from the catalogue each time: the deliverables its rule
/// names — a committee's (with its subcommittees'), an ICS code's, or the listed references —
/// that were ever published, followed to their new editions, amendments and corrigenda (and
/// theirs), keeping those in force (published, not withdrawn). So a new edition of a covered
/// standard is covered the moment the catalogue has it, by import or by an Editor, even when it
/// moved to another committee or ICS code.
/// </summary>
public static class CollectionCoverage
{
    /// <summary>How many rounds of "new editions and supplements of those" are followed; real chains are a few long.</summary>
    private const int MaxRounds = 20;

    /// <summary>What following a deliverable to its successors needs, without its texts.</summary>
    private sealed record Link(int Id, string Reference, List<int> ReplacedBy, DeliverableStatus Status);

    /// <summary>The ids of the deliverables the collection covers today.</summary>
    public static async Task<IReadOnlyList<int>> ResolveAsync(NormativeDb db, Collection collection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var found = (await Links(Matching(db, collection)).ToListAsync(ct)).ToDictionary(l => l.Id);
        var frontier = found.Values.ToList();
        for (var round = 0; round < MaxRounds && frontier.Count > 0; round++)
        {
            var ids = frontier.Select(l => l.Id).ToArray();
            var successors = frontier.SelectMany(l => l.ReplacedBy).Distinct().ToArray();
            var references = frontier.Select(l => l.Reference).Distinct().ToArray();
            var next = await Links(db.Deliverables.Where(d =>
                    d.Replaces.Any(r => ids.Contains(r)) || successors.Contains(d.Id) || references.Contains(d.SupplementOf!)))
                .ToListAsync(ct);
            frontier = next.Where(l => found.TryAdd(l.Id, l)).ToList();
        }
        return found.Values.Where(l => l.Status == DeliverableStatus.Published).Select(l => l.Id).Order().ToList();
    }

    /// <summary>A page of the covered deliverables in reference order, and how many there are.</summary>
    public static async Task<(int Count, List<Deliverable> Page)> PageAsync(NormativeDb db, Collection collection, int page, int pageSize, CancellationToken ct)
    {
        var ids = await ResolveAsync(db, collection, ct);
        var deliverables = await db.Deliverables.AsNoTracking()
            .Where(d => ids.Contains(d.Id))
            .OrderBy(d => d.SortKey).ThenBy(d => d.Id)
            .Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        return (ids.Count, deliverables);
    }

    /// <summary>Whether the collection covers the deliverable today.</summary>
    public static async Task<bool> CoversAsync(NormativeDb db, Collection collection, int deliverableId, CancellationToken ct) =>
        (await ResolveAsync(db, collection, ct)).Contains(deliverableId);

    /// <summary>What the rule names, drafts and abandoned projects left out.</summary>
    private static IQueryable<Deliverable> Matching(NormativeDb db, Collection collection) => collection.Rule switch
    {
        CollectionRule.Committee => SectorQueries.OwnedBy(db.Deliverables, collection.Committee ?? ""),
        CollectionRule.Ics => SectorQueries.UnderIcs(db, collection.IcsCode ?? ""),
        _ => db.Deliverables.Where(d => collection.ListedReferences.Contains(d.Reference)),
    };

    private static IQueryable<Link> Links(IQueryable<Deliverable> deliverables) =>
        deliverables.AsNoTracking()
            .Where(d => d.Status == DeliverableStatus.Published || d.Status == DeliverableStatus.Withdrawn)
            .Select(d => new Link(d.Id, d.Reference, d.ReplacedBy, d.Status));
}
