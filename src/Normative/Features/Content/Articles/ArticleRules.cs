using System.Text.RegularExpressions;

namespace Normative.Features.Content.Articles;

/// <summary>The rules of articles that need no database: status moves, addresses, which language version to show.</summary>
public static partial class ArticleRules
{
    /// <summary>Draft → Scheduled or Published; Scheduled → Draft, Published or Archived (once its time has come it is as good as published); Published → Archived or Draft; Archived → Published or Draft.</summary>
    public static bool CanMove(ArticleStatus from, ArticleStatus to) => (from, to) switch
    {
        (ArticleStatus.Draft, ArticleStatus.Scheduled or ArticleStatus.Published) => true,
        (ArticleStatus.Scheduled, ArticleStatus.Draft or ArticleStatus.Published or ArticleStatus.Archived) => true,
        (ArticleStatus.Published, ArticleStatus.Archived or ArticleStatus.Draft) => true,
        (ArticleStatus.Archived, ArticleStatus.Published or ArticleStatus.Draft) => true,
        _ => false,
    };

    /// <summary>Shown to readers: published, or scheduled and its time has come (no job has to flip it).</summary>
    public static bool IsLive(ArticleStatus status, DateTimeOffset? publishAt, DateTimeOffset now) =>
        status is ArticleStatus.Published or ArticleStatus.Scheduled && publishAt <= now;

    /// <summary>Lower-case letters, digits and single hyphens: "new-guide-to-iso-9001".</summary>
    public static bool IsSlug(string? slug) => slug is { Length: > 0 and <= 100 } && SlugPattern().IsMatch(slug);

    /// <summary>The version in <paramref name="language"/>, or else the English one (Fallback true), or else any.</summary>
    public static (ArticleVersion? Version, bool Fallback) Pick(IEnumerable<ArticleVersion> versions, string language)
    {
        var list = versions.ToList();
        var own = list.FirstOrDefault(v => v.Language == language);
        if (own is not null)
        {
            return (own, false);
        }
        return (list.FirstOrDefault(v => v.Language == "en") ?? list.OrderBy(v => v.Language, StringComparer.Ordinal).FirstOrDefault(), list.Count > 0);
    }

    /// <summary>Tags typed as a list ("ISO 9001, ISO 14001"): trimmed, each once, empty ones dropped.</summary>
    public static List<string> Tags(string? typed) =>
        (typed ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(t => t.Length <= 100).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
