using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Catalogue.Editing;

/// <summary>One field of a deliverable changed by an Editor: who, when, from what to what. Append-only.</summary>
public class DeliverableChange
{
    public long Id { get; set; }
    public int DeliverableId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
    /// <summary>The open-data name of the field ("title.fr", "sdgs").</summary>
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}

internal sealed class DeliverableChangeConfiguration : IEntityTypeConfiguration<DeliverableChange>
{
    public void Configure(EntityTypeBuilder<DeliverableChange> b)
    {
        b.ToTable("deliverable_changes");
        b.Property(c => c.By).HasColumnName("by_user").HasMaxLength(256);
        b.Property(c => c.Field).HasMaxLength(40);
        b.HasOne<Deliverable>().WithMany().HasForeignKey(c => c.DeliverableId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.DeliverableId, c.At });
    }
}
