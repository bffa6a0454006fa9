namespace Normative.Features.Certification.Import;

/// <summary>One certificate as a CSV row or an API item gives it: text, not yet checked.</summary>
public sealed record CertificateInput
{
    public required string Number { get; init; }
    public required string CertificationBody { get; init; }
    public required string Organization { get; init; }
    public required string Country { get; init; }
    public string? OrganizationAddress { get; init; }
    public string? CompanyNumber { get; init; }
    public required IReadOnlyList<string> Standards { get; init; }
    public required string Scope { get; init; }
    public IReadOnlyList<int>? IafSectors { get; init; }
    public required IReadOnlyList<SiteInput> Sites { get; init; }
    public required string InitialIssueDate { get; init; }
    public required string IssueDate { get; init; }
    public required string ExpiryDate { get; init; }
    public required string Status { get; init; }
    public string? StatusReason { get; init; }
}
