using Normative.Features.Content.Articles;

namespace Normative.Features.Content.Mailings;

/// <summary>When an article may go out as a newsletter: it is live, and an Editor has seen a test of it as it stands now.</summary>
public static class NewsletterRules
{
    /// <summary>Readers must be able to open what the mail links to.</summary>
    public static bool CanSend(ArticleStatus status, DateTimeOffset? publishAt, DateTimeOffset now) => ArticleRules.IsLive(status, publishAt, now);

    /// <summary>Whether a test went out, and whether it was after the article's last edit (a test of an older text proves nothing).</summary>
    public static NewsletterTest Test(IEnumerable<ArticleEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var events = history.ToList();
        var test = events.Where(e => e.Kind == ArticleEventKind.NewsletterTested).MaxBy(e => e.Id);
        if (test is null)
        {
            return NewsletterTest.None;
        }
        var edit = events.Where(e => e.Kind == ArticleEventKind.Edited).MaxBy(e => e.Id);
        return edit is not null && edit.Id > test.Id ? NewsletterTest.Outdated : NewsletterTest.Current;
    }
}
