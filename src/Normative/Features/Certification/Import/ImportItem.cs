namespace Normative.Features.Certification.Import;

/// <summary>One row of an upload: the certificate it gives, or why it could not even be read.</summary>
public sealed record ImportItem(int Line, CertificateInput? Input, ImportProblem? Problem = null);
