using Normative.Features.Catalogue;

namespace Normative.Features.Content.Updates;

/// <summary>
/// What a subscriber can ask for: the news digest, every new publication, or the new publications
/// of one sector ("sector:energy"). Stored as these strings; anything else is refused.
/// </summary>
public static class UpdateTopics
{
    public const string News = "news";
    public const string Publications = "publications";
    public const string SectorPrefix = "sector:";

    public static string ForSector(Sector sector)
    {
        ArgumentNullException.ThrowIfNull(sector);
        return SectorPrefix + sector.Slug;
    }

    /// <summary>Every topic, in the order forms list them.</summary>
    public static IReadOnlyList<string> All { get; } = [News, Publications, .. Sector.All.Select(ForSector)];

    public static bool IsKnown(string topic) => All.Contains(topic, StringComparer.Ordinal);

    /// <summary>The known topics among <paramref name="chosen"/>, each once, in the forms' order.</summary>
    public static List<string> Clean(IEnumerable<string>? chosen)
    {
        var set = (chosen ?? []).ToHashSet(StringComparer.Ordinal);
        return All.Where(set.Contains).ToList();
    }

    /// <summary>The sector a topic names, or null.</summary>
    public static Sector? SectorOf(string topic) =>
        topic.StartsWith(SectorPrefix, StringComparison.Ordinal) ? Sector.All.FirstOrDefault(s => s.Slug == topic[SectorPrefix.Length..]) : null;
}
