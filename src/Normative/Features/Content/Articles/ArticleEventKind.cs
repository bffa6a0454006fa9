namespace Normative.Features.Content.Articles;

/// <summary>What happened to an article.</summary>
public enum ArticleEventKind
{
    Created,
    Edited,
    Drafted,
    Scheduled,
    Published,
    Archived,
    ImageChanged,
    ImageRemoved,
    /// <summary>A test of the article as a newsletter went to the Editor (Note: the address and language).</summary>
    NewsletterTested,
    /// <summary>The article was queued as a newsletter (Note: the mailing and how many subscribers).</summary>
    NewsletterSent,
}
