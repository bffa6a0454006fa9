namespace Normative.Features.Certification.Registry;

/// <summary>The status a certification body gives a certificate (see CertificateRules for the allowed changes).</summary>
public enum CertificateStatus
{
    Active,
    Suspended,
    Withdrawn,
    Expired,
    Cancelled,
}
