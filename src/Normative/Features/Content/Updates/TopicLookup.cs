using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Shared;

namespace Normative.Features.Content.Updates;

/// <summary>
/// The ICS codes and committees that some topics name, read from the catalogue in two queries
/// whatever the number of topics: whether each topic exists, its name for people, and a committee
/// topic's current reference (what a deliverable's owning committee is compared with).
/// </summary>
public sealed class TopicLookup
{
    private readonly Dictionary<string, IcsCode> _ics;
    private readonly Dictionary<string, CommitteeName> _committees;

    private TopicLookup(Dictionary<string, IcsCode> ics, Dictionary<string, CommitteeName> committees)
    {
        _ics = ics;
        _committees = committees;
    }

    public static async Task<TopicLookup> LoadAsync(NormativeDb db, IEnumerable<string> topics, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(topics);
        var list = topics.ToList();
        var codes = list.Select(UpdateTopics.IcsOf).OfType<string>().Distinct().ToList();
        var slugs = list.Select(UpdateTopics.CommitteeOf).OfType<string>().Distinct().ToList();
        var ics = codes.Count == 0 ? [] : await db.IcsCodes.AsNoTracking().Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, ct);
        var committees = slugs.Count == 0 ? [] : await db.Committees.AsNoTracking().Where(c => slugs.Contains(c.Slug))
            .Select(c => new CommitteeName(c.Slug, c.Reference, c.TitleEn, c.TitleFr))
            .ToDictionaryAsync(c => c.Slug, ct);
        return new TopicLookup(ics, committees);
    }

    /// <summary>A fixed topic, or an ICS code or committee the catalogue holds.</summary>
    public bool IsKnown(string topic) =>
        UpdateTopics.IsFixed(topic)
        || (UpdateTopics.IcsOf(topic) is { } code && _ics.ContainsKey(code))
        || (UpdateTopics.CommitteeOf(topic) is { } slug && _committees.ContainsKey(slug));

    /// <summary>Committee topics' slugs with their committees' current references.</summary>
    public IReadOnlyDictionary<string, string> CommitteeReferences => _committees.ToDictionary(c => c.Key, c => c.Value.Reference);

    /// <summary>
    /// The topic as people read it, in the current UI culture ("New publications: ICS 13.020 —
    /// Environmental protection", "New publications: ISO/TC 207 — Environmental management"); the
    /// ICS and committee titles are in <paramref name="language"/> where the catalogue has them.
    /// </summary>
    public string Name(string topic, string language, IStringLocalizer<ContentText> c, IStringLocalizer<SiteText> site)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(site);
        if (UpdateTopics.SectorOf(topic) is { } sector)
        {
            return c["Topic.Sector", site[sector.NameKey]];
        }
        if (UpdateTopics.IcsOf(topic) is { } code)
        {
            return _ics.TryGetValue(code, out var ics) ? c["Topic.Ics", code, ics.TitleIn(language)] : c["Topic.Ics", code, "?"];
        }
        if (UpdateTopics.CommitteeOf(topic) is { } slug)
        {
            return _committees.TryGetValue(slug, out var committee) ? c["Topic.Committee", committee.Reference, committee.TitleIn(language)] : c["Topic.Committee", slug, "?"];
        }
        return UpdateTopics.IsFixed(topic) ? c["Topic." + topic] : topic;
    }
}
