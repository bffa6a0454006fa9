namespace Normative.Features.Catalogue.Reading;

/// <summary>One standard's definition of a term: where it comes from, what it says, and the concept's terms in other languages.</summary>
public sealed record TermDefinition(
    int DeliverableId,
    string Reference,
    string TextLanguage,
    string? Number,
    string ClauseAnchor,
    TermStatus Status,
    string DefinitionHtml,
    IReadOnlyList<string> NotesHtml,
    IReadOnlyList<string> ExamplesHtml,
    string? Source,
    IReadOnlyList<TermName> Synonyms,
    IReadOnlyList<TermName> OtherLanguages);
