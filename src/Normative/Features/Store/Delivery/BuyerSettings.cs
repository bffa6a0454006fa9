using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;

namespace Normative.Features.Store.Delivery;

/// <summary>A buyer's store preferences. No row means the defaults (alerts on).</summary>
public class BuyerSettings
{
    public required string UserId { get; set; }
    public bool AlertsEnabled { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class BuyerSettingsConfiguration : IEntityTypeConfiguration<BuyerSettings>
{
    public void Configure(EntityTypeBuilder<BuyerSettings> b)
    {
        b.ToTable("buyer_settings");
        b.HasKey(s => s.UserId);
        b.HasOne<User>().WithOne().HasForeignKey<BuyerSettings>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
