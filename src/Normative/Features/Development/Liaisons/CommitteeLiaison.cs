using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;

namespace Normative.Features.Development.Liaisons;

/// <summary>
/// An organization in liaison with a committee (category A, B or C), or another committee in internal
/// liaison with it. Its representatives comment on the committee's ballots and never vote.
/// </summary>
public class CommitteeLiaison
{
    public int Id { get; set; }
    public int CommitteeId { get; set; }
    public LiaisonCategory Category { get; set; }
    /// <summary>The organization's name; none for an internal liaison.</summary>
    public string? Organization { get; set; }
    /// <summary>The committee of an internal liaison.</summary>
    public int? OtherCommitteeId { get; set; }
    public Committee? OtherCommittee { get; set; }
    public DateTimeOffset EstablishedAt { get; set; }
    public string? EstablishedByUserId { get; set; }
}

internal sealed class CommitteeLiaisonConfiguration : IEntityTypeConfiguration<CommitteeLiaison>
{
    public void Configure(EntityTypeBuilder<CommitteeLiaison> b)
    {
        b.ToTable("committee_liaisons");
        b.Property(l => l.Category).HasConversion<string>().HasMaxLength(10);
        b.Property(l => l.Organization).HasMaxLength(200);
        b.HasIndex(l => l.CommitteeId);
        b.HasOne<Committee>().WithMany().HasForeignKey(l => l.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(l => l.OtherCommittee).WithMany().HasForeignKey(l => l.OtherCommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(l => l.EstablishedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
