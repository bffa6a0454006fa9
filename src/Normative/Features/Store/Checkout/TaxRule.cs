using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Checkout;

/// <summary>
/// A VAT rate for buyers billed in one country (or "*" for every other country) and one format,
/// from a date on. The rules are data (seeded by migration 0400) so a new rate is a new row.
/// </summary>
public class TaxRule
{
    public const string AnyOtherCountry = "*";

    public int Id { get; set; }
    /// <summary>An ISO 3166-1 alpha-2 code, or "*".</summary>
    public required string Country { get; set; }
    public ProductFormat Format { get; set; }
    /// <summary>As a fraction: 0.081 for 8.1 %.</summary>
    public decimal Rate { get; set; }
    public DateOnly ValidFrom { get; set; }
    /// <summary>Why this rate applies (the legal basis), shown to Editors.</summary>
    public required string Note { get; set; }
}

internal sealed class TaxRuleConfiguration : IEntityTypeConfiguration<TaxRule>
{
    public void Configure(EntityTypeBuilder<TaxRule> b)
    {
        b.ToTable("tax_rules");
        b.Property(t => t.Country).HasMaxLength(2);
        b.Property(t => t.Format).HasConversion<string>().HasMaxLength(10);
        b.Property(t => t.Rate).HasPrecision(6, 4);
        b.HasIndex(t => new { t.Country, t.Format, t.ValidFrom }).IsUnique();
    }
}
