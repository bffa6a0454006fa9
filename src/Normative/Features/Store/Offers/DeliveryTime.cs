using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Offers;

/// <summary>
/// How many working days the Editors promise for a format whose master file is not uploaded yet.
/// No row for a format: such offers are not shown.
/// </summary>
public class DeliveryTime
{
    public const int MaxWorkingDays = 60;

    public ProductFormat Format { get; set; }
    public int WorkingDays { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

internal sealed class DeliveryTimeConfiguration : IEntityTypeConfiguration<DeliveryTime>
{
    public void Configure(EntityTypeBuilder<DeliveryTime> b)
    {
        b.ToTable("delivery_times");
        b.HasKey(t => t.Format);
        b.Property(t => t.Format).HasConversion<string>().HasMaxLength(10);
        b.Property(t => t.UpdatedAt).HasDefaultValueSql("now()");
        b.Property(t => t.UpdatedBy).HasMaxLength(256);
    }
}
