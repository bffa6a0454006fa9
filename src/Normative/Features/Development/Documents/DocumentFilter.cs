namespace Normative.Features.Development.Documents;

/// <summary>The register's filters: type, project, a date range (the document's date) and words of the title; or one N-number.</summary>
public sealed record DocumentFilter(DocumentType? Type = null, int? ProjectId = null, DateOnly? From = null, DateOnly? To = null, string? Search = null, int? Number = null);
