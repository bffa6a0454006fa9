namespace Normative.Features.Catalogue.Reading;

/// <summary>A designation of a concept: the term, its language and its status.</summary>
public sealed record TermName(string Term, string Language, TermStatus Status);
