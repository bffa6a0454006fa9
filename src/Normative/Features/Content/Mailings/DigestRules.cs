using Normative.Features.Catalogue;
using Normative.Features.Content.Updates;

namespace Normative.Features.Content.Mailings;

/// <summary>Which of the new deliverables a subscriber's topics cover: all publications, or those of a sector (its ICS codes and committees).</summary>
public static class DigestRules
{
    public static bool Covers(IReadOnlyCollection<string> topics, Deliverable deliverable, IReadOnlyDictionary<string, SectorMapping> sectors)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(deliverable);
        ArgumentNullException.ThrowIfNull(sectors);
        foreach (var topic in topics)
        {
            if (topic == UpdateTopics.Publications)
            {
                return true;
            }
            if (UpdateTopics.SectorOf(topic) is { } sector && sectors.TryGetValue(sector.Slug, out var mapping) && InSector(deliverable, mapping))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>As <see cref="SectorQueries.PublishedIn"/> asks it: an ICS code under one of the sector's, or one of its committees or their subcommittees.</summary>
    public static bool InSector(Deliverable deliverable, SectorMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(deliverable);
        ArgumentNullException.ThrowIfNull(mapping);
        return deliverable.IcsPaths.Intersect(mapping.IcsCodes, StringComparer.Ordinal).Any()
            || (deliverable.OwnerCommittee is { } owner
                && mapping.Committees.Any(c => owner == c || owner.StartsWith(c + "/", StringComparison.Ordinal)));
    }
}
