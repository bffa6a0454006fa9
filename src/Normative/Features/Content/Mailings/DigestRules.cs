using Normative.Features.Catalogue;
using Normative.Features.Content.Updates;

namespace Normative.Features.Content.Mailings;

/// <summary>
/// Which of the new deliverables a subscriber's topics cover: all publications, those of a sector
/// (its ICS codes and committees), of an ICS field, group or sub-group, or of a committee.
/// </summary>
public static class DigestRules
{
    /// <param name="committees">Committee topics' slugs with the committees' current references (<see cref="TopicLookup.CommitteeReferences"/>).</param>
    public static bool Covers(IReadOnlyCollection<string> topics, Deliverable deliverable, IReadOnlyDictionary<string, SectorMapping> sectors,
        IReadOnlyDictionary<string, string> committees)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(deliverable);
        ArgumentNullException.ThrowIfNull(sectors);
        ArgumentNullException.ThrowIfNull(committees);
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
            if (UpdateTopics.IcsOf(topic) is { } code && UnderIcs(deliverable, code))
            {
                return true;
            }
            if (UpdateTopics.CommitteeOf(topic) is { } slug && committees.TryGetValue(slug, out var reference) && OfCommittee(deliverable, reference))
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
            || mapping.Committees.Any(c => OfCommittee(deliverable, c));
    }

    /// <summary>Classified under <paramref name="code"/> or below it: 13.020 takes 13.020 and 13.020.10, not 13.030.</summary>
    public static bool UnderIcs(Deliverable deliverable, string code)
    {
        ArgumentNullException.ThrowIfNull(deliverable);
        ArgumentNullException.ThrowIfNull(code);
        return deliverable.IcsCodes.Any(c => c == code || c.StartsWith(code + ".", StringComparison.Ordinal));
    }

    /// <summary>Owned by the committee or one of its subcommittees: ISO/TC 207 takes ISO/TC 207/SC 1, not ISO/TC 2071.</summary>
    public static bool OfCommittee(Deliverable deliverable, string reference)
    {
        ArgumentNullException.ThrowIfNull(deliverable);
        ArgumentNullException.ThrowIfNull(reference);
        return deliverable.OwnerCommittee is { } owner && (owner == reference || owner.StartsWith(reference + "/", StringComparison.Ordinal));
    }
}
