namespace Normative.Features.Content.Articles;

/// <summary>
/// Draft → Scheduled → Published → Archived. A scheduled article is shown from its publication
/// time on; an archived one stays at its address, out of the lists and feeds.
/// </summary>
public enum ArticleStatus
{
    Draft,
    Scheduled,
    Published,
    Archived,
}
