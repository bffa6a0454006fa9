using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Catalogue;

/// <summary>A deliverable the Editors put forward under "Top standards" on the home page, in <see cref="Position"/> order.</summary>
public class TopStandard
{
    public int DeliverableId { get; set; }
    public int Position { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public string? AddedBy { get; set; }
}

internal sealed class TopStandardConfiguration : IEntityTypeConfiguration<TopStandard>
{
    public void Configure(EntityTypeBuilder<TopStandard> b)
    {
        b.ToTable("top_standards");
        b.HasKey(t => t.DeliverableId);
        b.Property(t => t.AddedBy).HasMaxLength(256);
        b.HasOne<Deliverable>().WithMany().HasForeignKey(t => t.DeliverableId).OnDelete(DeleteBehavior.Cascade);
    }
}
