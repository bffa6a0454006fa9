using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Shipping;

/// <summary>
/// Countries that share shipping rates ("Europe"), or the zone for every country no zone lists. A
/// zone without rates is one the store does not ship printed copies to.
/// </summary>
public class ShippingZone
{
    public int Id { get; set; }
    /// <summary>The sales office's name for it; buyers see the country, not the zone.</summary>
    public required string Name { get; set; }
    /// <summary>The zone of every country no other zone lists (one at most; it lists none itself).</summary>
    public bool EverywhereElse { get; set; }
    public List<ShippingZoneCountry> Countries { get; set; } = [];
    public List<ShippingRate> Rates { get; set; } = [];
}

internal sealed class ShippingZoneConfiguration : IEntityTypeConfiguration<ShippingZone>
{
    public void Configure(EntityTypeBuilder<ShippingZone> b)
    {
        b.ToTable("shipping_zones");
        b.Property(z => z.Name).HasMaxLength(ShippingRules.MaxZoneName);
        b.HasIndex(z => z.Name).IsUnique();
        b.HasIndex(z => z.EverywhereElse).IsUnique().HasFilter("everywhere_else");
        b.HasMany(z => z.Countries).WithOne().HasForeignKey(c => c.ZoneId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(z => z.Rates).WithOne().HasForeignKey(r => r.ZoneId).OnDelete(DeleteBehavior.Cascade);
    }
}
