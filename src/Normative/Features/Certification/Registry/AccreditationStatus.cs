namespace Normative.Features.Certification.Registry;

/// <summary>Where a certification body's accreditation for one standard stands.</summary>
public enum AccreditationStatus
{
    Active,
    Suspended,
    Withdrawn,
}
