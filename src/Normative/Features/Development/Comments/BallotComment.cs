using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Comments;

/// <summary>
/// One row of the commenting template: member body (or public), line, clause, paragraph/figure/table,
/// type, comment, proposed change and the secretariat's observations.
/// </summary>
public class BallotComment
{
    public long Id { get; set; }
    public int BallotId { get; set; }
    /// <summary>The member body the comment is from; null for a comment from the public consultation.</summary>
    public int? MemberBodyId { get; set; }
    public MemberBody? MemberBody { get; set; }
    /// <summary>The liaison organization (or committee) a comment is from, by its name then; null for member bodies' and the public's comments.</summary>
    public string? Liaison { get; set; }
    /// <summary>True for the public consultation's comments, kept apart from the member bodies'.</summary>
    public bool IsPublic { get; set; }
    public required string AuthorUserId { get; set; }
    public string? LineNumber { get; set; }
    public required string Clause { get; set; }
    public string? Paragraph { get; set; }
    public CommentType Type { get; set; }
    public required string Text { get; set; }
    public string? ProposedChange { get; set; }
    public string? Observations { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Where the comment came from: browser, csv, docx.</summary>
    public required string Source { get; set; }
}

internal sealed class BallotCommentConfiguration : IEntityTypeConfiguration<BallotComment>
{
    public void Configure(EntityTypeBuilder<BallotComment> b)
    {
        b.ToTable("ballot_comments");
        b.Property(c => c.LineNumber).HasMaxLength(20);
        b.Property(c => c.Clause).HasMaxLength(50);
        b.Property(c => c.Paragraph).HasMaxLength(100);
        b.Property(c => c.Type).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.Text).HasMaxLength(10000);
        b.Property(c => c.ProposedChange).HasMaxLength(10000);
        b.Property(c => c.Observations).HasMaxLength(10000);
        b.Property(c => c.Source).HasMaxLength(10);
        b.Property(c => c.Liaison).HasMaxLength(200);
        b.HasIndex(c => new { c.BallotId, c.IsPublic });
        b.HasOne<Ballot>().WithMany().HasForeignKey(c => c.BallotId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.MemberBody).WithMany().HasForeignKey(c => c.MemberBodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
