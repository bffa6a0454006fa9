using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Store.Seats;
using Normative.Features.Store.Subscriptions;
using Normative.Features.Store.Tax;

namespace Normative.Features.Store.Orders;

/// <summary>
/// One bought offer, with the reference, title and price of the day. A PDF line is a licence with a
/// fixed number of downloads; a paper line has a shipping status; a subscription line names a
/// collection instead of a deliverable (its subscription is made when the order is paid).
/// </summary>
public class OrderLine
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public int LineNumber { get; set; }
    public int? DeliverableId { get; set; }
    public int? CollectionId { get; set; }
    public required string Reference { get; set; }
    public required string Title { get; set; }
    public ProductFormat Format { get; set; }
    public required string Language { get; set; }
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal LineNet { get; set; }
    /// <summary>The VAT rate applied to the line, as a fraction (0.081).</summary>
    public decimal VatRate { get; set; }
    /// <summary>The country whose VAT the line carries (the seller's, or the buyer's member state for OSS and reverse charge; the buyer's for an export).</summary>
    public string TaxCountry { get; set; } = "";
    public TaxBasis TaxBasis { get; set; }
    public ShippingStatus ShippingStatus { get; set; }
    public DateTimeOffset? ShippedAt { get; set; }
    /// <summary>A PDF's downloads; for a subscription, those of each covered standard in each language.</summary>
    public int DownloadLimit { get; set; }
    public int DownloadsUsed { get; set; }
    /// <summary>The parcel a printed copy left in; null until shipped (and for copies shipped before parcels were recorded).</summary>
    public long? ShipmentId { get; set; }

    /// <summary>The named seats of a multi-user licence (<see cref="SeatRules.HasSeats"/>); empty for any other line.</summary>
    public List<OrderSeat> Seats { get; set; } = [];
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        // The database itself refuses a download beyond the limit, whatever the code does.
        b.ToTable("order_lines", t => t.HasCheckConstraint("ck_order_lines_downloads", "downloads_used BETWEEN 0 AND download_limit"));
        b.Property(l => l.Reference).HasMaxLength(200);
        b.Property(l => l.Format).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Language).HasMaxLength(8);
        b.Property(l => l.UnitPrice).HasPrecision(10, 2);
        b.Property(l => l.LineNet).HasPrecision(12, 2);
        b.Property(l => l.VatRate).HasPrecision(6, 4);
        b.Property(l => l.TaxCountry).HasMaxLength(2);
        b.Property(l => l.TaxBasis).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.ShippingStatus).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(l => new { l.OrderId, l.LineNumber }).IsUnique();
        b.HasIndex(l => l.DeliverableId);
        b.ToTable(t => t.HasCheckConstraint("ck_order_lines_item", "(deliverable_id IS NULL) <> (collection_id IS NULL)"));
        b.HasIndex(l => l.CollectionId);
        b.HasOne<Collection>().WithMany().HasForeignKey(l => l.CollectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Shipment>().WithMany().HasForeignKey(l => l.ShipmentId).OnDelete(DeleteBehavior.SetNull);
    }
}
