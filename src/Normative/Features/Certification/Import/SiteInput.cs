namespace Normative.Features.Certification.Import;

/// <summary>A site as given: address and country, or only the raw text when it could not be split.</summary>
public sealed record SiteInput(string? Address, string? Country, string Raw);
