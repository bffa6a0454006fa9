using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Documents;

namespace Normative.Features.Development.Projects;

/// <summary>One step of a project through the stage codes: from, to, when, by whom, why. Append-only.</summary>
public class ProjectStageEvent
{
    public long Id { get; set; }
    public int ProjectId { get; set; }
    public int? FromStage { get; set; }
    public int ToStage { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Null when the system did it (a ballot closed at its date).</summary>
    public string? ByUserId { get; set; }
    public string? Note { get; set; }
    /// <summary>The ballot whose opening or closing caused the step.</summary>
    public int? BallotId { get; set; }
    /// <summary>The draft the project entered the stage with (30.00, 40.00, 50.00).</summary>
    public int? DocumentId { get; set; }
}

internal sealed class ProjectStageEventConfiguration : IEntityTypeConfiguration<ProjectStageEvent>
{
    public void Configure(EntityTypeBuilder<ProjectStageEvent> b)
    {
        b.ToTable("project_stage_events");
        b.Property(e => e.Note).HasMaxLength(2000);
        b.HasIndex(e => new { e.ProjectId, e.Id });
        b.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(e => e.ByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Ballot>().WithMany().HasForeignKey(e => e.BallotId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(e => e.DocumentId);
        b.HasOne<CommitteeDocument>().WithMany().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.SetNull);
    }
}
