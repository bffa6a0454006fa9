using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Checkout;

/// <summary>A provider's event that was handled; its id is the key, so a replayed event is handled once.</summary>
public class WebhookEvent
{
    public required string Provider { get; set; }
    public required string EventId { get; set; }
    public required string Type { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> b)
    {
        b.ToTable("webhook_events");
        b.HasKey(e => new { e.Provider, e.EventId });
        b.Property(e => e.Provider).HasMaxLength(20);
        b.Property(e => e.EventId).HasMaxLength(200);
        b.Property(e => e.Type).HasMaxLength(100);
    }
}
