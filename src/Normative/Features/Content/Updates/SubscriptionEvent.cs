using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Content.Updates;

/// <summary>
/// A consent record, append-only: the address, when, from which client address, the topics and
/// language, and the text of the form the person agreed to, in the words they saw.
/// </summary>
public class SubscriptionEvent
{
    public long Id { get; set; }
    public long SubscriberId { get; set; }
    public DateTimeOffset At { get; set; }
    public SubscriptionEventKind Kind { get; set; }
    public required string Email { get; set; }
    public string? ClientAddress { get; set; }
    public required string Language { get; set; }
    public List<string> Topics { get; set; } = [];
    public required string FormText { get; set; }
}

internal sealed class SubscriptionEventConfiguration : IEntityTypeConfiguration<SubscriptionEvent>
{
    public void Configure(EntityTypeBuilder<SubscriptionEvent> b)
    {
        b.ToTable("subscription_events");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Email).HasMaxLength(320);
        b.Property(e => e.ClientAddress).HasMaxLength(45);
        b.Property(e => e.Language).HasMaxLength(5);
        b.HasIndex(e => e.SubscriberId);
    }
}
