using Microsoft.AspNetCore.OutputCaching;
using Normative.Features.Catalogue.OpenData;

namespace Normative.Features.Catalogue;

/// <summary>
/// The tags a cached page is stored under, so that a change drops only the pages showing what
/// changed (issue #17). Every page under <see cref="CatalogueCachePolicy"/> carries
/// <see cref="CatalogueCachePolicy.Name"/> (dropped by a change that may show anywhere). A page
/// that says what it shows — a standard page its deliverables, an ICS page its code, a committee
/// page its committee, a sector page its ICS codes and committees — is kept when other
/// deliverables change; every other page (search, lists, feeds, the API, the home page) carries
/// <see cref="Lists"/> and is dropped whenever any deliverable changes.
/// </summary>
public static class CatalogueCacheTags
{
    /// <summary>Pages that may show any deliverable.</summary>
    public const string Lists = "catalogue-lists";

    private const string Declared = "catalogue-tags-declared";

    public static string Deliverable(int id) => "d:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Ics(string code) => "ics:" + code;

    public static string Committee(string reference) => "tc:" + reference;

    /// <summary>The tags of an ICS code's page and of each field above it (they count what is below them).</summary>
    public static IEnumerable<string> IcsAndParents(string code)
    {
        for (string? c = code; c is not null; c = IcsRecord.ParentOf(c))
        {
            yield return Ics(c);
        }
    }

    /// <summary>The tags of a committee's pages and of the committees above it ("ISO/TC 22/SC 3", then "ISO/TC 22"): they count their subcommittees' standards.</summary>
    public static IEnumerable<string> CommitteeAndParents(string reference)
    {
        for (var r = reference; r.Length > 0;)
        {
            yield return Committee(r);
            var slash = r.LastIndexOf('/');
            r = slash > 0 ? r[..slash] : "";
        }
    }

    /// <summary>Says what this page shows, so that it stays cached while other deliverables change.</summary>
    public static void Show(HttpContext context, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tags);
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            cache.Tags.UnionWith(tags);
            context.Items[Declared] = true;
        }
    }

    /// <summary>The page said what it shows (<see cref="Show"/>).</summary>
    internal static bool IsDeclared(HttpContext context) => context.Items.ContainsKey(Declared);
}
