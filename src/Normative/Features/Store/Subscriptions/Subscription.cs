using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Store.Orders;

namespace Normative.Features.Store.Subscriptions;

/// <summary>
/// A paid subscription to a collection for a period: while it runs, whoever
/// <see cref="SubscriptionAccess"/> admits downloads every standard the collection covers at that
/// moment. Made once per paid order line (<see cref="SubscriptionOrders.StartAsync"/>).
/// </summary>
public class Subscription
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public long OrderLineId { get; set; }
    public int CollectionId { get; set; }
    /// <summary>The buying account (the order's).</summary>
    public required string UserId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    /// <summary>The first moment it no longer runs.</summary>
    public DateTimeOffset EndsAt { get; set; }
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> b)
    {
        b.ToTable("subscriptions", t => t.HasCheckConstraint("ck_subscriptions_period", "ends_at > starts_at"));
        b.HasIndex(s => s.OrderLineId).IsUnique();
        b.HasIndex(s => s.OrderId);
        b.HasIndex(s => s.UserId);
        b.HasIndex(s => new { s.CollectionId, s.EndsAt });
        b.HasOne<Order>().WithMany().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrderLine>().WithMany().HasForeignKey(s => s.OrderLineId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Collection>().WithMany().HasForeignKey(s => s.CollectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
