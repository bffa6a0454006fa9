namespace Normative.Features.Certification.Verification;

/// <summary>Why a certificate is not valid today.</summary>
public enum ValidityProblemKind
{
    /// <summary>Its status is not Active.</summary>
    Status,
    /// <summary>Still Active, but the expiry date has come.</summary>
    ExpiryPassed,
    NotYetIssued,
    /// <summary>The CB holds no accreditation for the standard, or it is suspended or withdrawn.</summary>
    NotAccredited,
    /// <summary>The accreditation is Active but today lies outside its dates.</summary>
    AccreditationOutOfDate,
}
