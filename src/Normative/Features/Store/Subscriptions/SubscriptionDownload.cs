using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Subscriptions;

/// <summary>One download of a standard a subscription covers; they count against the limit per standard and language.</summary>
public class SubscriptionDownload
{
    public long Id { get; set; }
    public long SubscriptionId { get; set; }
    public int DeliverableId { get; set; }
    public required string Language { get; set; }
    /// <summary>Who downloaded: the subscriber today, a holder of the subscription's seats one day.</summary>
    public required string UserId { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class SubscriptionDownloadConfiguration : IEntityTypeConfiguration<SubscriptionDownload>
{
    public void Configure(EntityTypeBuilder<SubscriptionDownload> b)
    {
        b.ToTable("subscription_downloads");
        b.Property(d => d.Language).HasMaxLength(8);
        b.HasIndex(d => new { d.SubscriptionId, d.DeliverableId, d.Language }).HasDatabaseName("ix_subscription_downloads_counted");
        b.HasOne<Subscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
