namespace Normative.Features.Certification.Registry;

/// <summary>A site covered by a certificate.</summary>
public sealed record CertificateSite(string Address, string Country);
