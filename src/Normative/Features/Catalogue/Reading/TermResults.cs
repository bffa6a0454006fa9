namespace Normative.Features.Catalogue.Reading;

/// <summary>A page of terms found: <see cref="Total"/> distinct terms match in all.</summary>
public sealed record TermResults(string Query, string? Language, int Page, int PageSize, int Total, IReadOnlyList<TermHit> Hits);
