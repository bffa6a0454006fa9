using Normative.Features.Catalogue;
using Normative.Features.Catalogue.OpenData;

namespace Normative.Features.Content.Updates;

/// <summary>
/// What a subscriber can ask for: the news digest, every new publication, the new publications of
/// one sector ("sector:energy"), of an ICS field, group or sub-group ("ics:13", "ics:13.020") or of a
/// committee and its subcommittees ("committee:iso-tc-207", by the committee's slug, which outlives a
/// change of reference). Stored as these strings. Whether an ICS code or committee exists is the
/// catalogue's to say (<see cref="TopicLookup"/>); here only the shape is checked.
/// </summary>
public static class UpdateTopics
{
    public const string News = "news";
    public const string Publications = "publications";
    public const string SectorPrefix = "sector:";
    public const string IcsPrefix = "ics:";
    public const string CommitteePrefix = "committee:";

    public static string ForSector(Sector sector)
    {
        ArgumentNullException.ThrowIfNull(sector);
        return SectorPrefix + sector.Slug;
    }

    public static string ForIcs(string code) => IcsPrefix + code;

    public static string ForCommittee(string slug) => CommitteePrefix + slug;

    /// <summary>The topics every form lists as check boxes, in their order.</summary>
    public static IReadOnlyList<string> Fixed { get; } = [News, Publications, .. Sector.All.Select(ForSector)];

    public static bool IsFixed(string topic) => Fixed.Contains(topic, StringComparer.Ordinal);

    /// <summary>
    /// The topics among <paramref name="chosen"/> that have a known shape, each once: the fixed ones in
    /// the forms' order, then ICS codes, then committees, each sorted. One order for one choice matters:
    /// the digest writes one text per distinct list of topics.
    /// </summary>
    public static List<string> Clean(IEnumerable<string>? chosen)
    {
        var set = (chosen ?? []).Select(c => c.Trim()).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. Fixed.Where(set.Contains),
            .. set.Where(t => IcsOf(t) is not null).Order(StringComparer.Ordinal),
            .. set.Where(t => CommitteeOf(t) is not null).Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>The sector a topic names, or null.</summary>
    public static Sector? SectorOf(string topic) =>
        topic.StartsWith(SectorPrefix, StringComparison.Ordinal) ? Sector.All.FirstOrDefault(s => s.Slug == topic[SectorPrefix.Length..]) : null;

    /// <summary>The ICS code a topic names ("13.020" for "ics:13.020"), or null.</summary>
    public static string? IcsOf(string topic) =>
        topic.StartsWith(IcsPrefix, StringComparison.Ordinal) && IcsRecord.IsCode(topic[IcsPrefix.Length..]) ? topic[IcsPrefix.Length..] : null;

    /// <summary>The committee slug a topic names ("iso-tc-207" for "committee:iso-tc-207"), or null.</summary>
    public static string? CommitteeOf(string topic) =>
        topic.StartsWith(CommitteePrefix, StringComparison.Ordinal) && topic.Length > CommitteePrefix.Length && topic.Length <= CommitteePrefix.Length + 120
            && topic[CommitteePrefix.Length..].All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? topic[CommitteePrefix.Length..]
            : null;
}
