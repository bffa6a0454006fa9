using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Certification.Registry;

/// <summary>An organization that holds certificates. One row per name, country and company number.</summary>
public class CertifiedOrganization
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Country { get; set; }
    public string? Address { get; set; }
    /// <summary>The national company register number, when the CB gives it.</summary>
    public string? CompanyNumber { get; set; }
    /// <summary>The name without accents, in lower case: what search results are ranked by (computed by PostgreSQL).</summary>
    public string NameKey { get; private set; } = "";
    /// <summary>The distinct words of <see cref="NameKey"/>: what a search by name finds (computed by PostgreSQL).</summary>
    public List<string> NameWords { get; private set; } = [];
}

internal sealed class CertifiedOrganizationConfiguration : IEntityTypeConfiguration<CertifiedOrganization>
{
    public void Configure(EntityTypeBuilder<CertifiedOrganization> b)
    {
        b.ToTable("certified_organizations");
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Country).HasMaxLength(2);
        b.Property(x => x.CompanyNumber).HasMaxLength(50);
        b.HasIndex(x => new { x.Country, x.Name, x.CompanyNumber }).IsUnique().AreNullsDistinct(false);
        b.Property(x => x.NameKey).HasComputedColumnSql("registry_fold((name)::text)", stored: true);
        b.Property(x => x.NameWords).HasComputedColumnSql("registry_words((name)::text)", stored: true);
        b.HasIndex(x => x.NameWords).HasMethod("gin");
    }
}
