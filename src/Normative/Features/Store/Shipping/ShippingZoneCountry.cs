using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Shipping;

/// <summary>A country of a shipping zone: the country is the key, so it belongs to one zone at most.</summary>
public class ShippingZoneCountry
{
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Country { get; set; }
    public int ZoneId { get; set; }
}

internal sealed class ShippingZoneCountryConfiguration : IEntityTypeConfiguration<ShippingZoneCountry>
{
    public void Configure(EntityTypeBuilder<ShippingZoneCountry> b)
    {
        b.ToTable("shipping_zone_countries");
        b.HasKey(c => c.Country);
        b.Property(c => c.Country).HasMaxLength(2);
        b.HasIndex(c => c.ZoneId);
    }
}
