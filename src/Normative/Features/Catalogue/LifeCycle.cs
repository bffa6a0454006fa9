namespace Normative.Features.Catalogue;

/// <summary>
/// A deliverable's place among its editions: what came before (oldest first), the deliverable
/// itself, and what replaces it or is being developed to replace it; plus its amendments and
/// corrigenda. Built from the deliverable's "family" — every deliverable with the same base key
/// ("ISO 9001") or linked to it by replaces/replacedBy — with no database.
/// </summary>
public sealed record LifeCycle(IReadOnlyList<Deliverable> Previous, Deliverable Current, IReadOnlyList<Deliverable> Next, IReadOnlyList<Deliverable> Supplements)
{
    public static LifeCycle Build(Deliverable current, IEnumerable<Deliverable> family)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(family);
        var others = family.Where(d => d.Id != current.Id).DistinctBy(d => d.Id).ToList();
        var supplements = others.Where(d => d.SupplementOf is not null && d.SupplementOf == current.Reference)
            .OrderBy(d => d.SortKey, StringComparer.Ordinal).ToList();
        var editions = others.Where(d => d.SupplementOf is null && d.Status != DeliverableStatus.Deleted).ToList();
        var currentIsDraft = current.Status is DeliverableStatus.UnderDevelopment or DeliverableStatus.Deleted;

        var previous = new List<Deliverable>();
        var next = new List<Deliverable>();
        foreach (var d in editions)
        {
            var linkedBefore = current.Replaces.Contains(d.Id) || d.ReplacedBy.Contains(current.Id);
            var linkedAfter = current.ReplacedBy.Contains(d.Id) || d.Replaces.Contains(current.Id);
            if (linkedBefore)
            {
                previous.Add(d);
            }
            else if (linkedAfter)
            {
                next.Add(d);
            }
            else if (d.BaseKey is null || d.BaseKey != current.BaseKey)
            {
                continue;
            }
            else if (d.Status == DeliverableStatus.UnderDevelopment)
            {
                // A draft of the same document: the next edition (or, beside another draft, a parallel one).
                if (!currentIsDraft)
                {
                    next.Add(d);
                }
            }
            else if (currentIsDraft || IsEarlier(d, current))
            {
                previous.Add(d);
            }
            else
            {
                next.Add(d);
            }
        }
        return new LifeCycle(
            [.. previous.OrderBy(d => d.PublicationDate ?? DateOnly.MaxValue).ThenBy(d => d.Edition ?? 0)],
            current,
            [.. next.OrderBy(d => d.Status == DeliverableStatus.UnderDevelopment ? 1 : 0).ThenBy(d => d.PublicationDate ?? DateOnly.MaxValue).ThenBy(d => d.Edition ?? 0)],
            supplements);
    }

    private static bool IsEarlier(Deliverable d, Deliverable current) =>
        (d.PublicationDate, current.PublicationDate) switch
        {
            ({ } a, { } b) when a != b => a < b,
            _ => (d.Edition ?? 0) < (current.Edition ?? 0),
        };
}
