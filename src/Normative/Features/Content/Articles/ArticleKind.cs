namespace Normative.Features.Content.Articles;

/// <summary>News (what happened) or an insight (a longer piece on a subject); /news and /insights list them apart.</summary>
public enum ArticleKind
{
    News,
    Insight,
}
