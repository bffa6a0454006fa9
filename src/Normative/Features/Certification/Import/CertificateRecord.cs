using Normative.Features.Certification.Registry;

namespace Normative.Features.Certification.Import;

/// <summary>A checked certificate row, ready for the staging table.</summary>
public sealed record CertificateRecord(
    int Line,
    int CertificationBodyId,
    string Number,
    string Organization,
    string Country,
    string? OrganizationAddress,
    string? CompanyNumber,
    string[] Standards,
    string Scope,
    int[]? IafSectors,
    CertificateSite[] Sites,
    DateOnly InitialIssueDate,
    DateOnly IssueDate,
    DateOnly ExpiryDate,
    CertificateStatus Status,
    string? StatusReason);
