using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Catalogue;

/// <summary>
/// What one raise of the catalogue's version touched, written by database triggers (migration
/// 0121): a deliverable with the committee and ICS codes it had or has, or, with no deliverable,
/// anything at all. <see cref="CatalogueVersion"/> reads them to evict only the pages that show it.
/// </summary>
public class CatalogueChange
{
    public long Id { get; set; }
    public long Version { get; set; }
    public int? DeliverableId { get; set; }
    public string? Committee { get; set; }
    public List<string> IcsCodes { get; set; } = [];
}

internal sealed class CatalogueChangeConfiguration : IEntityTypeConfiguration<CatalogueChange>
{
    public void Configure(EntityTypeBuilder<CatalogueChange> b)
    {
        b.ToTable("catalogue_changes");
        b.Property(c => c.Committee).HasMaxLength(100);
        b.HasIndex(c => c.Version);
    }
}
