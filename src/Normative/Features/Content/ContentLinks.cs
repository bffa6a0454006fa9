using Normative.Features.Content.Pages;
using Normative.Features.Shared;

namespace Normative.Features.Content;

/// <summary>Links to the content feature's pages.</summary>
public static class ContentLinks
{
    /// <summary>Email updates: the sign-up form (the footer's form posts here too).</summary>
    [LinkTo("/Content/Updates/Index")]
    public static string Updates => "/updates";

    /// <summary>"Almost done!": the answer to every sign-up.</summary>
    [LinkTo("/Content/Updates/AlmostDone")]
    public static string AlmostDone => "/updates/almost-done";

    /// <summary>The link in the confirmation mail.</summary>
    [LinkTo("/Content/Updates/Confirm")]
    public static string Confirm(string token, string? culture = null) => "/updates/confirm?token=" + Uri.EscapeDataString(token) + Culture(culture);

    /// <summary>A subscriber's preferences (topics, language, unsubscribe), by the signed link in every mail.</summary>
    [LinkTo("/Content/Updates/Preferences")]
    public static string Preferences(string token, string? culture = null) => "/updates/preferences?token=" + Uri.EscapeDataString(token) + Culture(culture);

    /// <summary>Links in mail carry the subscriber's language, so the page (and the words recorded as agreed to) are in it.</summary>
    private static string Culture(string? culture) => culture is null ? "" : "&culture=" + Uri.EscapeDataString(culture);

    /// <summary>The List-Unsubscribe address: GET asks, POST (one-click, RFC 8058) unsubscribes.</summary>
    [LinkTo("/Content/Updates/Unsubscribe")]
    public static string Unsubscribe(string token, string? culture = null) => "/updates/unsubscribe?token=" + Uri.EscapeDataString(token) + Culture(culture);

    [LinkTo("/Content/Articles/News")]
    public static string News => "/news";

    [LinkTo("/Content/Articles/Insights")]
    public static string Insights => "/insights";

    /// <summary>A news item or an insight (both live under /news/).</summary>
    [LinkTo("/Content/Articles/Article")]
    public static string Article(string slug) => "/news/" + Uri.EscapeDataString(slug);

    /// <summary>A rendition of an article's lead image; a new upload is a new file, so the address never serves two pictures.</summary>
    public static string ArticleImage(Guid fileId) => "/news/images/" + fileId.ToString("N") + ".jpg";

    public static string NewsFeed => "/news/feed.atom";

    public static string InsightsFeed => "/insights/feed.atom";

    /// <summary>Editors: every article, whatever its status.</summary>
    [LinkTo("/Content/Articles/Editor/Index")]
    public static string EditorArticles => "/editor/articles";

    [LinkTo("/Content/Articles/Editor/Edit")]
    public static string NewArticle => "/editor/articles/new";

    /// <summary>Editors: an article's version in <paramref name="language"/>, its status and history.</summary>
    [LinkTo("/Content/Articles/Editor/Edit")]
    public static string EditArticle(int id, string? language = null) =>
        $"/editor/articles/{id}" + (language is null ? "" : "?language=" + Uri.EscapeDataString(language));

    /// <summary>Editors: send an article as a newsletter (topics, preview, a test to oneself, confirmation).</summary>
    [LinkTo("/Content/Articles/Editor/Newsletter")]
    public static string Newsletter(int articleId, string? language = null) =>
        $"/editor/articles/{articleId}/newsletter" + (language is null ? "" : "?language=" + Uri.EscapeDataString(language));

    /// <summary>The newsletter page with the preview's language and the topics ticked, as the Editor left them.</summary>
    public static string Newsletter(int articleId, string language, IEnumerable<string> topics) =>
        Newsletter(articleId, language) + string.Concat(topics.Select(t => "&topics=" + Uri.EscapeDataString(t)));

    /// <summary>Editors: every mailing (digests and newsletters), most recent first, with how far each has gone.</summary>
    [LinkTo("/Content/Mailings/Editor/Index")]
    public static string EditorMailings => "/editor/mailings";

    [LinkTo("/Content/Mailings/Editor/Index")]
    public static string EditorMailingsPage(int page) => page <= 1 ? EditorMailings : EditorMailings + "?page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Editors: one mailing's progress (sent, skipped, failed; started and finished).</summary>
    [LinkTo("/Content/Mailings/Editor/Details")]
    public static string Mailing(long id) => "/editor/mailings/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LinkTo("/Content/Events/Index")]
    public static string Events => "/events";

    [LinkTo("/Content/Events/Past")]
    public static string PastEvents => "/events/past";

    [LinkTo("/Content/Events/Details")]
    public static string Event(string slug) => "/events/" + Uri.EscapeDataString(slug);

    /// <summary>Every event as iCalendar (RFC 5545), for calendar programs to subscribe to.</summary>
    public static string EventsCalendar => "/events/calendar.ics";

    [LinkTo("/Content/Events/Editor/Index")]
    public static string EditorEvents => "/editor/events";

    [LinkTo("/Content/Events/Editor/Edit")]
    public static string NewEvent => "/editor/events/new";

    [LinkTo("/Content/Events/Editor/Edit")]
    public static string EditEvent(int id) => $"/editor/events/{id}";

    /// <summary>An institutional page (the members text is shown at the member directory, /members).</summary>
    [LinkTo("/Content/Pages/Show")]
    public static string Page(PageKey key) => "/" + InstitutionalPages.Slug(key);

    /// <summary>Editors: every institutional page, its status and languages.</summary>
    [LinkTo("/Content/Pages/Editor/Index")]
    public static string EditorPages => "/editor/pages";

    /// <summary>Editors: a page's text in <paramref name="language"/> and its status.</summary>
    [LinkTo("/Content/Pages/Editor/Edit")]
    public static string EditPage(PageKey key, string? language = null) =>
        "/editor/pages/" + InstitutionalPages.Slug(key) + (language is null ? "" : "?language=" + Uri.EscapeDataString(language));

    /// <summary>Editors: a page's revisions in <paramref name="language"/>, each with what it changed, and restore.</summary>
    [LinkTo("/Content/Pages/Editor/History")]
    public static string PageHistory(PageKey key, string? language = null) =>
        "/editor/pages/" + InstitutionalPages.Slug(key) + "/history" + (language is null ? "" : "?language=" + Uri.EscapeDataString(language));
}
