namespace Normative.Features.Certification.Verification;

/// <summary>The answer to "is this certificate valid today?", with every reason it is not.</summary>
public sealed record CertificateValidity(bool IsValid, IReadOnlyList<ValidityProblem> Problems);
