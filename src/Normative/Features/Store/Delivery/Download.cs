using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Store.Orders;

namespace Normative.Features.Store.Delivery;

/// <summary>One download of a licensed PDF.</summary>
public class Download
{
    public long Id { get; set; }
    public long OrderLineId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class DownloadConfiguration : IEntityTypeConfiguration<Download>
{
    public void Configure(EntityTypeBuilder<Download> b)
    {
        b.ToTable("downloads");
        b.HasIndex(d => d.OrderLineId);
        b.HasOne<OrderLine>().WithMany().HasForeignKey(d => d.OrderLineId).OnDelete(DeleteBehavior.Cascade);
    }
}
