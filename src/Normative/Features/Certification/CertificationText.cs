namespace Normative.Features.Certification;

/// <summary>The certification registry's texts: Resources/Features/Certification/CertificationText*.resx.</summary>
public sealed class CertificationText;
