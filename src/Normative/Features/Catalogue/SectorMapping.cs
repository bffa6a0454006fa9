using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Catalogue;

/// <summary>
/// Which ICS codes and committees make up one of the home page's sectors (Features/Site/Sector.cs).
/// Editors change it; a standard belongs to the sector when one of its ICS codes falls under a
/// listed code or its committee is (or is under) a listed committee.
/// </summary>
public class SectorMapping
{
    public required string Slug { get; set; }
    public List<string> IcsCodes { get; set; } = [];
    /// <summary>Committee references ("ISO/TC 176"); their subcommittees are included.</summary>
    public List<string> Committees { get; set; } = [];
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

internal sealed class SectorMappingConfiguration : IEntityTypeConfiguration<SectorMapping>
{
    public void Configure(EntityTypeBuilder<SectorMapping> b)
    {
        b.ToTable("sector_mappings");
        b.HasKey(s => s.Slug);
        b.Property(s => s.Slug).HasMaxLength(40);
        b.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}
