namespace Normative.Features.Certification.Registry;

/// <summary>The audits of a certification cycle (ISO/IEC 17021-1).</summary>
public enum AuditKind
{
    Stage1,
    Stage2,
    Surveillance,
    Recertification,
}
