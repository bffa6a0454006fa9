using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Certification.Registry;

/// <summary>A certification body: audits organizations and issues certificates under its accreditations.</summary>
public class CertificationBody
{
    public int Id { get; set; }
    /// <summary>The code used in uploads and verification links, e.g. "BSI-GB".</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Country { get; set; }
    public string? Website { get; set; }
    public List<Accreditation> Accreditations { get; set; } = [];
}

internal sealed class CertificationBodyConfiguration : IEntityTypeConfiguration<CertificationBody>
{
    public void Configure(EntityTypeBuilder<CertificationBody> b)
    {
        b.ToTable("certification_bodies");
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Country).HasMaxLength(2);
        b.Property(x => x.Website).HasMaxLength(300);
        b.HasIndex(x => x.Code).IsUnique();
    }
}
