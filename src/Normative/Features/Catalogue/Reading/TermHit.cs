namespace Normative.Features.Catalogue.Reading;

/// <summary>A term found, with every standard's definition of it side by side (best match first).</summary>
public sealed record TermHit(string Term, string Language, IReadOnlyList<TermDefinition> Definitions);
