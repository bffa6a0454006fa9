using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Store.Orders;

namespace Normative.Features.Store.Seats;

/// <summary>
/// One named seat of a multi-user PDF licence (an order line bought for an organisation with a
/// quantity of 2 or more). Made empty with the order; an administrator of the organisation gives
/// it to a person, who then downloads copies stamped with their name and the organisation's, up to
/// the seat's own limit. Who held it before is in the order's events.
/// </summary>
public class OrderSeat
{
    public long Id { get; set; }
    public long OrderLineId { get; set; }
    /// <summary>1 to the line's quantity.</summary>
    public int Number { get; set; }
    /// <summary>The holder's address, lower case; null while the seat is free.</summary>
    public string? Email { get; set; }
    /// <summary>The name stamped on the holder's copies.</summary>
    public string? HolderName { get; set; }
    /// <summary>The holder's account, when one had that address when the seat was given (or at their first download).</summary>
    public string? UserId { get; set; }
    public DateTimeOffset? AssignedAt { get; set; }
    public string? AssignedBy { get; set; }
    public int DownloadLimit { get; set; }
    /// <summary>The current holder's downloads.</summary>
    public int DownloadsUsed { get; set; }

    public bool IsFree => Email is null;
}

internal sealed class OrderSeatConfiguration : IEntityTypeConfiguration<OrderSeat>
{
    public void Configure(EntityTypeBuilder<OrderSeat> b)
    {
        b.ToTable("order_seats", t =>
        {
            // As for a one-person licence, the database itself refuses a download beyond the limit.
            t.HasCheckConstraint("ck_order_seats_downloads", "downloads_used BETWEEN 0 AND download_limit");
            t.HasCheckConstraint("ck_order_seats_holder", "(email IS NULL) = (holder_name IS NULL)");
        });
        b.Property(s => s.Email).HasMaxLength(256);
        b.Property(s => s.HolderName).HasMaxLength(200);
        b.Property(s => s.AssignedBy).HasMaxLength(256);
        b.HasIndex(s => new { s.OrderLineId, s.Number }).IsUnique();
        // One person holds one seat of a licence at most, whatever two administrators do at once.
        b.HasIndex(s => new { s.OrderLineId, s.Email }).IsUnique().HasFilter("email IS NOT NULL");
        b.HasIndex(s => s.UserId);
        b.HasIndex(s => s.Email);
        b.HasOne<OrderLine>().WithMany(l => l.Seats).HasForeignKey(s => s.OrderLineId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
