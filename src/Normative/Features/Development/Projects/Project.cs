using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.Identifiers;

namespace Normative.Features.Development.Projects;

/// <summary>
/// A work item on a committee's programme: a new deliverable, a revision or a supplement, moving
/// through the harmonized stage codes. The stage is a column kept in step with the append-only
/// <see cref="ProjectStageEvent"/> rows, in the same transaction.
/// </summary>
public class Project
{
    public int Id { get; set; }
    /// <summary>
    /// The identifier without stage or year, as the parser renders it ("ISO 9001", "ISO/IEC TS 27006-2",
    /// "ISO 9001:2015/Amd 1"); the reference at each stage is derived from it (<see cref="ProjectReference"/>).
    /// </summary>
    public required string Reference { get; set; }
    public required string TitleEn { get; set; }
    public string? TitleFr { get; set; }
    public string? Scope { get; set; }
    public int CommitteeId { get; set; }
    public Committee? Committee { get; set; }
    public DeliverableType DeliverableType { get; set; }
    /// <summary>Amd or Cor when the project is a supplement to <see cref="BaseDeliverableId"/>.</summary>
    public SupplementKind? SupplementKind { get; set; }
    /// <summary>The published standard a supplement amends.</summary>
    public int? BaseDeliverableId { get; set; }
    /// <summary>The edition this project's deliverable replaces (a revision); withdrawn when this one is published.</summary>
    public int? ReplacesDeliverableId { get; set; }
    /// <summary>The development track in months: 18, 24 or 36.</summary>
    public int TrackMonths { get; set; } = 36;
    public string? Leader { get; set; }
    /// <summary>The working group (a WG or JWG of the committee) that develops it, if named: the NP's experts join it.</summary>
    public int? WorkingGroupId { get; set; }
    /// <summary>The harmonized stage code as an integer, as the catalogue stores it: 4020 is stage 40.20.</summary>
    public int Stage { get; set; }
    public DateTimeOffset StageAt { get; set; }
    /// <summary>When the project entered the work programme (stage 20.00): the start of its track.</summary>
    public DateOnly? RegisteredOn { get; set; }
    /// <summary>The catalogue deliverable, created or updated when the project reaches 60.60.</summary>
    public int? DeliverableId { get; set; }
    public DateOnly? PublishedOn { get; set; }
    /// <summary>Five years after publication, or after the last confirmation.</summary>
    public DateOnly? ReviewDue { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.ToTable("projects");
        b.Property(p => p.Reference).HasMaxLength(100);
        b.Property(p => p.DeliverableType).HasConversion<string>().HasMaxLength(10);
        b.Property(p => p.SupplementKind).HasConversion<string>().HasMaxLength(10);
        b.Property(p => p.Leader).HasMaxLength(200);
        b.HasIndex(p => p.CommitteeId);
        b.HasIndex(p => p.WorkingGroupId);
        b.HasOne<Committee>().WithMany().HasForeignKey(p => p.WorkingGroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.Reference);
        b.HasOne(p => p.Committee).WithMany().HasForeignKey(p => p.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Deliverable>().WithMany().HasForeignKey(p => p.DeliverableId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Deliverable>().WithMany().HasForeignKey(p => p.BaseDeliverableId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Deliverable>().WithMany().HasForeignKey(p => p.ReplacesDeliverableId).OnDelete(DeleteBehavior.SetNull);
    }
}
