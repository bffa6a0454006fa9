namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// One block of front matter: ISO STS <c>iso-meta</c> or NISO STS <c>std-meta</c> (the
/// international text), <c>reg-meta</c> (a regional adoption) or <c>nat-meta</c> (a national one).
/// </summary>
public sealed record StsMeta(
    AdoptionLevel Level,
    string? Originator,
    string? Reference,
    string? Urn,
    string? Language,
    IReadOnlyDictionary<string, string> Titles,
    int? Edition,
    string? DocType,
    string? Committee,
    DateOnly? ReleaseDate,
    int Line);
