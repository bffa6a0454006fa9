using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Certification.Registry;

/// <summary>An audit the certification body carried out for a certificate.</summary>
public class CertificateAudit
{
    public long Id { get; set; }
    public long CertificateId { get; set; }
    public AuditKind Kind { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class CertificateAuditConfiguration : IEntityTypeConfiguration<CertificateAudit>
{
    public void Configure(EntityTypeBuilder<CertificateAudit> b)
    {
        b.ToTable("certificate_audits");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.CertificateId);
        b.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
    }
}
