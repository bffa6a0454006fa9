using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Catalogue;

/// <summary>
/// The single row whose <see cref="Version"/> PostgreSQL triggers bump whenever the catalogue's
/// tables change; cached pages and ETags are keyed by it (see <see cref="CatalogueVersion"/>).
/// </summary>
public class CatalogueState
{
    public int Id { get; set; }
    public long Version { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

internal sealed class CatalogueStateConfiguration : IEntityTypeConfiguration<CatalogueState>
{
    public void Configure(EntityTypeBuilder<CatalogueState> b)
    {
        b.ToTable("catalogue_state");
        b.Property(s => s.Id).ValueGeneratedNever();
    }
}
