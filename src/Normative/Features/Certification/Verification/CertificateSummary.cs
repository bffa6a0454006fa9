using Normative.Features.Certification.Registry;

namespace Normative.Features.Certification.Verification;

/// <summary>One line of search results.</summary>
public sealed record CertificateSummary(
    long Id, string Number, string CertificationBodyCode, string CertificationBodyName, string Organization, string Country,
    IReadOnlyList<string> Standards, CertificateStatus Status, DateOnly ExpiryDate, CertificateValidity Validity);
