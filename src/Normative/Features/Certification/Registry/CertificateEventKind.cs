namespace Normative.Features.Certification.Registry;

/// <summary>What a status change meant (CertificateRules.EventKind).</summary>
public enum CertificateEventKind
{
    Suspended,
    Reinstated,
    Withdrawn,
    Expired,
    Cancelled,
    Renewed,
}
