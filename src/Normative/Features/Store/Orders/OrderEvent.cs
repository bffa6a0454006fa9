using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Orders;

/// <summary>One step in an order's history (append-only).</summary>
public class OrderEvent
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Who: a person's e-mail address, or the payment provider's name.</summary>
    public required string By { get; set; }
    public OrderEventKind Kind { get; set; }
    public string? Note { get; set; }
}

internal sealed class OrderEventConfiguration : IEntityTypeConfiguration<OrderEvent>
{
    public void Configure(EntityTypeBuilder<OrderEvent> b)
    {
        b.ToTable("order_events");
        b.Property(e => e.By).HasMaxLength(256);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(e => new { e.OrderId, e.At });
    }
}
