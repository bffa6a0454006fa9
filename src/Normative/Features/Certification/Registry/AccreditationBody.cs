using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Certification.Registry;

/// <summary>A national accreditation body (UKAS, DAkkS, COFRAC…), which accredits certification bodies.</summary>
public class AccreditationBody
{
    public int Id { get; set; }
    /// <summary>The short name people know it by, e.g. "UKAS".</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Country { get; set; }
    /// <summary>Signatory of the IAF Multilateral Recognition Arrangement: its accreditations are recognised by the other signatories.</summary>
    public bool IafMlaSignatory { get; set; }
    public string? Website { get; set; }
}

internal sealed class AccreditationBodyConfiguration : IEntityTypeConfiguration<AccreditationBody>
{
    public void Configure(EntityTypeBuilder<AccreditationBody> b)
    {
        b.ToTable("accreditation_bodies");
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Country).HasMaxLength(2);
        b.Property(x => x.Website).HasMaxLength(300);
        b.HasIndex(x => x.Code).IsUnique();
    }
}
