namespace Normative.Features.Content.Articles;

/// <summary>An article as lists, feeds and the home page show it, in the reader's language or English.</summary>
public sealed record ArticleSummary(int Id, ArticleKind Kind, string Slug, string Title, string Summary, DateTimeOffset Published, string Language, bool Fallback);
