using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Organizations;

/// <summary>One step in an organisation's history (append-only): who joined, left, was invited or became an administrator.</summary>
public class OrganizationEvent
{
    public long Id { get; set; }
    public int OrganizationId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The e-mail address of the person who did it.</summary>
    public required string By { get; set; }
    public OrganizationEventKind Kind { get; set; }
    /// <summary>Whom it concerns (an e-mail address), or what changed.</summary>
    public string? Note { get; set; }
}

internal sealed class OrganizationEventConfiguration : IEntityTypeConfiguration<OrganizationEvent>
{
    public void Configure(EntityTypeBuilder<OrganizationEvent> b)
    {
        b.ToTable("organization_events");
        b.Property(e => e.By).HasMaxLength(256);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(e => new { e.OrganizationId, e.At });
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
