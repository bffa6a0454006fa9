namespace Normative.Features.Catalogue.Search;

/// <summary>
/// The clause of a standard's full text that a search matched: its number and title, its anchor in
/// the reader, the text's language, and a snippet of its words (marked like a title) only when the
/// clause is part of the free preview; licensed text is never shown in results.
/// </summary>
public sealed record MatchedClause(string? Number, string? Title, string Anchor, string Language, IReadOnlyList<string>? Snippet);
