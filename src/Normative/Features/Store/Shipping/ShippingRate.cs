using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Shipping;

/// <summary>What shipping a parcel of so many printed pages to a zone costs, net, in the seller's currency.</summary>
public class ShippingRate
{
    public int Id { get; set; }
    public int ZoneId { get; set; }
    public int MinPages { get; set; }
    /// <summary>Null for a band without an upper limit.</summary>
    public int? MaxPages { get; set; }
    /// <summary>0 for free shipping.</summary>
    public decimal Price { get; set; }

    public bool Contains(int pages) => pages >= MinPages && (MaxPages is null || pages <= MaxPages);
}

internal sealed class ShippingRateConfiguration : IEntityTypeConfiguration<ShippingRate>
{
    public void Configure(EntityTypeBuilder<ShippingRate> b)
    {
        b.ToTable("shipping_rates");
        b.Property(r => r.Price).HasPrecision(10, 2);
        b.HasIndex(r => new { r.ZoneId, r.MinPages });
    }
}
