namespace Normative.Features.Certification.Registry;

/// <summary>What came of a request to change a certificate's status.</summary>
public enum StatusChangeOutcome
{
    Changed,
    Unchanged,
    NotFound,
    NotAllowed,
    ReasonRequired,
    /// <summary>Reinstating or renewing a certificate whose expiry date has come.</summary>
    PastExpiry,
}
