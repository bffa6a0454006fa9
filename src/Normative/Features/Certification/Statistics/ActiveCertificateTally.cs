using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Certification.Statistics;

/// <summary>
/// How many Active certificates a certification body has for a standard in a country (the
/// organization's). Written only by the triggers of migration 0304, read by the statistics.
/// </summary>
public class ActiveCertificateTally
{
    public int CertificationBodyId { get; set; }
    public required string Standard { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Country { get; set; }
    public long Certificates { get; set; }
}

internal sealed class ActiveCertificateTallyConfiguration : IEntityTypeConfiguration<ActiveCertificateTally>
{
    public void Configure(EntityTypeBuilder<ActiveCertificateTally> b)
    {
        b.ToTable("active_certificate_tallies");
        b.HasKey(x => new { x.CertificationBodyId, x.Standard, x.Country });
        b.Property(x => x.Country).HasMaxLength(2);
    }
}
