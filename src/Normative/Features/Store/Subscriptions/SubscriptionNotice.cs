using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Subscriptions;

/// <summary>
/// A deliverable a subscription covers, recorded once: known when the subscription began
/// (<see cref="MailedAt"/> null, never mailed) or mailed to the subscriber as news. The unique key
/// makes "once per deliverable" hold however often, and on however many instances, the scan runs.
/// </summary>
public class SubscriptionNotice
{
    public long Id { get; set; }
    public long SubscriptionId { get; set; }
    public int DeliverableId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? MailedAt { get; set; }
}

internal sealed class SubscriptionNoticeConfiguration : IEntityTypeConfiguration<SubscriptionNotice>
{
    public void Configure(EntityTypeBuilder<SubscriptionNotice> b)
    {
        b.ToTable("subscription_notices");
        b.HasIndex(n => new { n.SubscriptionId, n.DeliverableId }).IsUnique();
        b.HasOne<Subscription>().WithMany().HasForeignKey(n => n.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
