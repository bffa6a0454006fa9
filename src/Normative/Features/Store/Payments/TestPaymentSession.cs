using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Payments;

/// <summary>The development payment provider's own record of a hosted payment page (it stands in for the provider's side).</summary>
public class TestPaymentSession
{
    public Guid Id { get; set; }
    public required string Reference { get; set; }
    public required string Description { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public required string SuccessUrl { get; set; }
    public required string CancelUrl { get; set; }
    /// <summary>Open, Paid or Cancelled.</summary>
    public required string Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

internal sealed class TestPaymentSessionConfiguration : IEntityTypeConfiguration<TestPaymentSession>
{
    public void Configure(EntityTypeBuilder<TestPaymentSession> b)
    {
        b.ToTable("test_payment_sessions");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Reference).HasMaxLength(100);
        b.Property(s => s.Description).HasMaxLength(500);
        b.Property(s => s.Amount).HasPrecision(12, 2);
        b.Property(s => s.Currency).HasMaxLength(3);
        b.Property(s => s.Status).HasMaxLength(20);
    }
}
