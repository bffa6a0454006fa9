using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Tax;

namespace Normative.Features.Store.Orders;

/// <summary>
/// An order: what was bought, at which prices and VAT (copied at the time, so later price or
/// catalogue changes do not rewrite it), by whom, and where it stands. Its history is in
/// <see cref="Events"/>; the current status is updated in the same transaction as each event.
/// </summary>
public class Order
{
    public long Id { get; set; }
    /// <summary>The number people quote, e.g. 2026-000042; given by the database.</summary>
    public string Number { get; set; } = null!;
    public required string UserId { get; set; }
    /// <summary>The cart the order came from: unique, so a cart can become one order only.</summary>
    public Guid CartId { get; set; }
    public OrderStatus Status { get; set; }
    public PaymentMethod PaymentMethod { get; set; }
    public string Currency { get; set; } = "CHF";
    /// <summary>The language of the buyer's pages when ordering; mail about the order is written in it.</summary>
    public string Culture { get; set; } = "en";
    public required string BillingName { get; set; }
    public string? BillingOrganization { get; set; }
    public required string BillingStreet { get; set; }
    public required string BillingPostalCode { get; set; }
    public required string BillingCity { get; set; }
    /// <summary>ISO 3166-1 alpha-2; decides the VAT.</summary>
    public required string BillingCountry { get; set; }
    public required string BillingEmail { get; set; }
    /// <summary>Where printed copies go; null when the order has none.</summary>
    public string? ShippingName { get; set; }
    public string? ShippingOrganization { get; set; }
    public string? ShippingStreet { get; set; }
    public string? ShippingPostalCode { get; set; }
    public string? ShippingCity { get; set; }
    public string? ShippingCountry { get; set; }
    public string? VatNumber { get; set; }
    /// <summary>The person each PDF is licensed to; null when the order has no PDF.</summary>
    public string? LicenceHolder { get; set; }
    /// <summary>The organisation it was bought for, whose administrators see it and assign its seats; null when bought for oneself.</summary>
    public int? OrganizationId { get; set; }
    public decimal NetTotal { get; set; }
    public decimal VatTotal { get; set; }
    /// <summary>The difference to the total rounded to the currency's cash-rounding step (0.05 CHF).</summary>
    public decimal Rounding { get; set; }
    public decimal Total { get; set; }
    public DateTimeOffset PlacedAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    /// <summary>Given when the order is paid, without gaps per year (<c>INV-2026-000001</c>).</summary>
    public string? InvoiceNumber { get; set; }
    /// <summary>Given when the order is refunded, without gaps per year (<c>CN-2026-000001</c>).</summary>
    public string? CreditNoteNumber { get; set; }
    public DateTimeOffset? RefundedAt { get; set; }
    public List<OrderLine> Lines { get; set; } = [];
    public List<OrderEvent> Events { get; set; } = [];
    public List<Payment> Payments { get; set; } = [];

    /// <summary>The totals by rate and country, from the lines and the shipping as they were ordered.</summary>
    public Vat.Totals TotalsIn(Currency currency) =>
        Vat.Compute(Lines.Select(l => new Vat.Line(l.LineNet, l.VatRate, l.TaxCountry, l.TaxBasis)).Concat(ShippingLine()), currency);

    /// <summary>The net charge for shipping the printed copies (0 when free); null when the order has none, or was placed before shipping was charged.</summary>
    public decimal? ShippingCharge { get; set; }
    /// <summary>The VAT of the shipping: that of the printed copies it delivers.</summary>
    public decimal? ShippingVatRate { get; set; }
    public string? ShippingTaxCountry { get; set; }
    public TaxBasis? ShippingTaxBasis { get; set; }
    /// <summary>The name of the shipping zone whose rate was charged, for the sales office.</summary>
    public string? ShippingZone { get; set; }
    public List<Shipment> Shipments { get; set; } = [];

    private IEnumerable<Vat.Line> ShippingLine() =>
        ShippingCharge is { } charge && ShippingTaxCountry is { } country && ShippingTaxBasis is { } basis
            ? [new Vat.Line(charge, ShippingVatRate ?? 0m, country, basis, IsShipping: true)]
            : [];
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.ToTable("orders");
        b.Property(o => o.Number).HasMaxLength(20)
            .HasDefaultValueSql("to_char(now() AT TIME ZONE 'UTC', 'YYYY') || '-' || lpad(nextval('order_numbers')::text, 6, '0')")
            .ValueGeneratedOnAdd();
        b.HasIndex(o => o.Number).IsUnique();
        b.Property(o => o.InvoiceNumber).HasMaxLength(20);
        b.HasIndex(o => o.InvoiceNumber).IsUnique();
        b.Property(o => o.CreditNoteNumber).HasMaxLength(20);
        b.HasIndex(o => o.CreditNoteNumber).IsUnique();
        b.HasIndex(o => o.CartId).IsUnique();
        b.HasIndex(o => new { o.UserId, o.PlacedAt });
        b.HasIndex(o => o.PlacedAt);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.PaymentMethod).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Currency).HasMaxLength(3);
        b.Property(o => o.Culture).HasMaxLength(8);
        b.Property(o => o.BillingName).HasMaxLength(200);
        b.Property(o => o.BillingOrganization).HasMaxLength(200);
        b.Property(o => o.BillingStreet).HasMaxLength(200);
        b.Property(o => o.BillingPostalCode).HasMaxLength(20);
        b.Property(o => o.BillingCity).HasMaxLength(100);
        b.Property(o => o.BillingCountry).HasMaxLength(2);
        b.Property(o => o.ShippingName).HasMaxLength(200);
        b.Property(o => o.ShippingOrganization).HasMaxLength(200);
        b.Property(o => o.ShippingStreet).HasMaxLength(200);
        b.Property(o => o.ShippingPostalCode).HasMaxLength(20);
        b.Property(o => o.ShippingCity).HasMaxLength(100);
        b.Property(o => o.ShippingCountry).HasMaxLength(2);
        b.Property(o => o.BillingEmail).HasMaxLength(256);
        b.Property(o => o.VatNumber).HasMaxLength(50);
        b.Property(o => o.LicenceHolder).HasMaxLength(200);
        b.Property(o => o.NetTotal).HasPrecision(12, 2);
        b.Property(o => o.VatTotal).HasPrecision(12, 2);
        b.Property(o => o.Rounding).HasPrecision(12, 2);
        b.Property(o => o.Total).HasPrecision(12, 2);
        b.HasOne<User>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Events).WithOne().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Payments).WithOne().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.Property(o => o.ShippingCharge).HasPrecision(12, 2);
        b.Property(o => o.ShippingVatRate).HasPrecision(6, 4);
        b.Property(o => o.ShippingTaxCountry).HasMaxLength(2);
        b.Property(o => o.ShippingTaxBasis).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.ShippingZone).HasMaxLength(100);
        b.HasMany(o => o.Shipments).WithOne().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
