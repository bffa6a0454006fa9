using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Checkout;

/// <summary>
/// Money received for an order or refunded. Unique indexes allow one payment and one refund per
/// order, so a replayed webhook or a reloaded page can never record a second payment.
/// </summary>
public class Payment
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public PaymentKind Kind { get; set; }
    /// <summary>"Test", "Stripe" or "BankTransfer".</summary>
    public required string Provider { get; set; }
    /// <summary>The provider's id for the payment, or the bank reference an Editor typed.</summary>
    public string? Reference { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "CHF";
    public DateTimeOffset At { get; set; }
    public required string RecordedBy { get; set; }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.ToTable("payments");
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(p => p.Provider).HasMaxLength(20);
        b.Property(p => p.Reference).HasMaxLength(200);
        b.Property(p => p.Amount).HasPrecision(12, 2);
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.RecordedBy).HasMaxLength(256);
        b.HasIndex(p => new { p.OrderId, p.Kind }).IsUnique();
    }
}
