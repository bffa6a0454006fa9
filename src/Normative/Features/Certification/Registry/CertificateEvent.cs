using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Certification.Registry;

/// <summary>One status change of a certificate. Rows are never updated or deleted (a trigger refuses it).</summary>
public class CertificateEvent
{
    public long Id { get; set; }
    public long CertificateId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Who: a user's e-mail, "upload #12", or "registry" for the expiry job.</summary>
    public required string By { get; set; }
    public CertificateEventKind Kind { get; set; }
    public CertificateStatus? FromStatus { get; set; }
    public CertificateStatus ToStatus { get; set; }
    public string? Note { get; set; }
}

internal sealed class CertificateEventConfiguration : IEntityTypeConfiguration<CertificateEvent>
{
    public void Configure(EntityTypeBuilder<CertificateEvent> b)
    {
        b.ToTable("certificate_events");
        b.Property(x => x.By).HasMaxLength(256);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.FromStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ToStatus).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.CertificateId);
        b.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
    }
}
