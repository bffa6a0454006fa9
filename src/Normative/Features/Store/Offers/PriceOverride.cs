using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Catalogue;

namespace Normative.Features.Store.Offers;

/// <summary>A price an Editor set for one deliverable and format, instead of its page band's.</summary>
public class PriceOverride
{
    public int Id { get; set; }
    public int DeliverableId { get; set; }
    public ProductFormat Format { get; set; }
    public decimal Price { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

internal sealed class PriceOverrideConfiguration : IEntityTypeConfiguration<PriceOverride>
{
    public void Configure(EntityTypeBuilder<PriceOverride> b)
    {
        b.ToTable("price_overrides");
        b.Property(p => p.Format).HasConversion<string>().HasMaxLength(10);
        b.Property(p => p.Price).HasPrecision(10, 2);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.HasIndex(p => new { p.DeliverableId, p.Format }).IsUnique();
        b.HasOne<Deliverable>().WithMany().HasForeignKey(p => p.DeliverableId).OnDelete(DeleteBehavior.Cascade);
    }
}
