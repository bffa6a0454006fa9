namespace Normative.Features.Certification.Registry;

/// <summary>What the validity rules need to know of one accreditation.</summary>
public sealed record AccreditationState(string Standard, AccreditationStatus Status, DateOnly ValidFrom, DateOnly ValidTo);
