using Normative.Features.Certification.Registry;

namespace Normative.Features.Certification.Verification;

/// <summary>One reason a certificate is not valid; Standard and Accreditation say which, when it is about one standard.</summary>
public sealed record ValidityProblem(ValidityProblemKind Kind, CertificateStatus? Status = null, string? Standard = null, AccreditationStatus? Accreditation = null);
