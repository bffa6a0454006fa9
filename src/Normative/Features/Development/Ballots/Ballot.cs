using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development.Documents;
using Normative.Features.Development.Projects;

namespace Normative.Features.Development.Ballots;

/// <summary>
/// A ballot on a project. The eligible member bodies are fixed when it opens (<see cref="BallotMember"/>);
/// each has at most one current position (<see cref="BallotPosition"/>) with its history of changes.
/// </summary>
public class Ballot
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int CommitteeId { get; set; }
    public BallotKind Kind { get; set; }
    public BallotStatus Status { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public string? OpenedByUserId { get; set; }
    /// <summary>A DIS open for comments from the public (any signed-in person), kept apart from the member bodies' comments.</summary>
    public bool PublicConsultation { get; set; }
    /// <summary>The committee's P-members when the ballot opened: 16 or fewer need 4 experts, 17 or more need 5.</summary>
    public int PMembers { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedByUserId { get; set; }
    public BallotOutcome? Outcome { get; set; }
    /// <summary>The committee manager's decision where the ballot left one to make (an SR tie).</summary>
    public BallotOutcome? Decision { get; set; }
    public string? DecisionNote { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }
    /// <summary>The draft in the committee's register the ballot is about; never replaced once named.</summary>
    public int? DocumentId { get; set; }
    /// <summary>The result (PDF) filed in the register when the ballot closed.</summary>
    public int? ResultDocumentId { get; set; }
    /// <summary>The compiled comments (.docx) filed when the ballot closed.</summary>
    public int? CommentsDocumentId { get; set; }
    /// <summary>The compiled comments (CSV) filed when the ballot closed.</summary>
    public int? CommentsCsvDocumentId { get; set; }

    /// <summary>Votes are taken while the ballot is open and its closing time has not passed.</summary>
    public bool AcceptsVotes(DateTimeOffset now) => Status == BallotStatus.Open && now < ClosesAt;
}

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> b)
    {
        b.ToTable("ballots");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DecisionNote).HasMaxLength(2000);
        b.HasIndex(x => x.ProjectId);
        b.HasIndex(x => new { x.CommitteeId, x.ClosesAt });
        b.HasIndex(x => x.ClosesAt).HasFilter("status = 'Open'");
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Committee>().WithMany().HasForeignKey(x => x.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.OpenedByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.ClosedByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.DecidedByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.DocumentId);
        b.HasIndex(x => x.ResultDocumentId);
        b.HasIndex(x => x.CommentsDocumentId);
        b.HasIndex(x => x.CommentsCsvDocumentId);
        b.HasOne<CommitteeDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CommitteeDocument>().WithMany().HasForeignKey(x => x.ResultDocumentId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<CommitteeDocument>().WithMany().HasForeignKey(x => x.CommentsDocumentId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<CommitteeDocument>().WithMany().HasForeignKey(x => x.CommentsCsvDocumentId).OnDelete(DeleteBehavior.SetNull);
    }
}
