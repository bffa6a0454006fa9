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
}
