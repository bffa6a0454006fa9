using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Store.Orders;

namespace Normative.Features.Store.Checkout;

/// <summary>A hosted payment page opened at the provider for an order.</summary>
public class PaymentSession
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public required string Provider { get; set; }
    /// <summary>The provider's session id (Stripe's cs_…, or the test provider's).</summary>
    public required string ProviderSessionId { get; set; }
    public required string Url { get; set; }
    public decimal Amount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

internal sealed class PaymentSessionConfiguration : IEntityTypeConfiguration<PaymentSession>
{
    public void Configure(EntityTypeBuilder<PaymentSession> b)
    {
        b.ToTable("payment_sessions");
        b.Property(s => s.Provider).HasMaxLength(20);
        b.Property(s => s.ProviderSessionId).HasMaxLength(200);
        b.Property(s => s.Amount).HasPrecision(12, 2);
        b.HasIndex(s => new { s.Provider, s.ProviderSessionId }).IsUnique();
        b.HasIndex(s => s.OrderId);
        b.HasOne<Order>().WithMany().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
