using Normative.Web;

namespace Normative.Features.Content.Pages;

/// <summary>Which text of a page to show, without a database: the stored version, or else the default, in the reader's language or else in English.</summary>
public static class PageRules
{
    /// <summary>The text in <paramref name="language"/>, or else the English one (Fallback true); null when the page has no text at all.</summary>
    public static (PageText Text, string Language, bool Fallback)? Pick(string key, IEnumerable<PageVersion> stored, string language)
    {
        var versions = stored.ToList();
        if (Text(key, versions, language) is { } own)
        {
            return (own, language, false);
        }
        return Text(key, versions, Cultures.Default) is { } english ? (english, Cultures.Default, true) : null;
    }

    /// <summary>The page's own text in <paramref name="language"/>: the saved version, or else the default.</summary>
    public static PageText? Text(string key, IEnumerable<PageVersion> stored, string language) =>
        stored.FirstOrDefault(v => v.Language == language) is { } v ? new PageText(v.Title, v.Summary, v.Body) : PageDefaults.Get(key, language);
}
