using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Orders;

/// <summary>
/// One parcel of an order's printed copies: the carrier and its tracking reference, when it left and
/// who sent it, then when it was delivered. Its lines point to it (<see cref="OrderLine.ShipmentId"/>).
/// </summary>
public class Shipment
{
    public const int MaxCarrier = 100;
    public const int MaxTrackingReference = 100;
    public const int MaxTrackingUrl = 500;

    public long Id { get; set; }
    public long OrderId { get; set; }
    public required string Carrier { get; set; }
    public required string TrackingReference { get; set; }
    /// <summary>Where the buyer follows the parcel on the carrier's site: http or https only.</summary>
    public string? TrackingUrl { get; set; }
    public DateTimeOffset ShippedAt { get; set; }
    public required string ShippedBy { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? DeliveredBy { get; set; }
}

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> b)
    {
        b.ToTable("shipments");
        b.Property(s => s.Carrier).HasMaxLength(Shipment.MaxCarrier);
        b.Property(s => s.TrackingReference).HasMaxLength(Shipment.MaxTrackingReference);
        b.Property(s => s.TrackingUrl).HasMaxLength(Shipment.MaxTrackingUrl);
        b.Property(s => s.ShippedBy).HasMaxLength(256);
        b.Property(s => s.DeliveredBy).HasMaxLength(256);
        b.HasIndex(s => s.OrderId);
        b.HasIndex(s => s.ShippedAt).HasDatabaseName("ix_shipments_in_transit").HasFilter("delivered_at IS NULL");
    }
}
