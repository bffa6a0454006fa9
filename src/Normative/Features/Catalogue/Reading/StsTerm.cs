namespace Normative.Features.Catalogue.Reading;

/// <summary>One designation of a TBX term entry in one language; HTML already safe.</summary>
public sealed record StsTerm(
    string Concept,
    string? Number,
    string ClauseAnchor,
    string Language,
    string Term,
    TermStatus Status,
    string DefinitionHtml,
    IReadOnlyList<string> NotesHtml,
    IReadOnlyList<string> ExamplesHtml,
    string? Source);
