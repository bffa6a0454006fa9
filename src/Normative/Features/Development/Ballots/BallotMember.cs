using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Ballots;

/// <summary>A member body of the committee when the ballot opened, with its status then: P-members vote, O-members may comment.</summary>
public class BallotMember
{
    public int BallotId { get; set; }
    public int MemberBodyId { get; set; }
    public MemberBody? MemberBody { get; set; }
    public MembershipStatus Status { get; set; }
}

internal sealed class BallotMemberConfiguration : IEntityTypeConfiguration<BallotMember>
{
    public void Configure(EntityTypeBuilder<BallotMember> b)
    {
        b.ToTable("ballot_members");
        b.HasKey(m => new { m.BallotId, m.MemberBodyId });
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(1);
        b.HasIndex(m => m.MemberBodyId);
        b.HasOne<Ballot>().WithMany().HasForeignKey(m => m.BallotId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.MemberBody).WithMany().HasForeignKey(m => m.MemberBodyId).OnDelete(DeleteBehavior.Restrict);
    }
}
