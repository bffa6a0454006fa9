namespace Normative.Features.Content.Articles;

/// <summary>An article as lists, feeds and the home page show it, in the reader's language or English.</summary>
/// <param name="Image">The narrow rendition of the lead image, if there is one, with its size.</param>
public sealed record ArticleSummary(int Id, ArticleKind Kind, string Slug, string Title, string Summary, DateTimeOffset Published, string Language, bool Fallback,
    Guid? Image = null, int ImageWidth = 0, int ImageHeight = 0);
