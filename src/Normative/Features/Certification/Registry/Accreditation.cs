using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Certification.Registry;

/// <summary>
/// An accreditation body's accreditation of a certification body for one standard (its canonical
/// identifier, e.g. "ISO 9001:2015"). Certificates for that standard are accredited only while it
/// is Active and today lies between ValidFrom and ValidTo (both inclusive).
/// </summary>
public class Accreditation
{
    public int Id { get; set; }
    public int CertificationBodyId { get; set; }
    public CertificationBody? CertificationBody { get; set; }
    public int AccreditationBodyId { get; set; }
    public AccreditationBody? AccreditationBody { get; set; }
    public required string Standard { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    public AccreditationStatus Status { get; set; }
    public string? StatusReason { get; set; }
    public DateTimeOffset StatusChangedAt { get; set; }
}

internal sealed class AccreditationConfiguration : IEntityTypeConfiguration<Accreditation>
{
    public void Configure(EntityTypeBuilder<Accreditation> b)
    {
        b.ToTable("accreditations");
        b.Property(x => x.Standard).HasMaxLength(100);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.CertificationBodyId, x.Standard, x.AccreditationBodyId }).IsUnique();
        b.HasIndex(x => x.AccreditationBodyId);
        b.HasOne(x => x.CertificationBody).WithMany(c => c.Accreditations).HasForeignKey(x => x.CertificationBodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.AccreditationBody).WithMany().HasForeignKey(x => x.AccreditationBodyId).OnDelete(DeleteBehavior.Restrict);
    }
}
