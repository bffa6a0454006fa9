using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Ballots;

/// <summary>
/// A member body on the ballot when it opened (<see cref="BallotRules.OnBallot"/>): its place in the
/// committee then (P, O, or none for a member body outside the committee on a ballot to all member
/// bodies) and whether it may vote (<see cref="BallotRules.VotingRight"/>). Those that may not vote may comment.
/// </summary>
public class BallotMember
{
    public int BallotId { get; set; }
    public int MemberBodyId { get; set; }
    public MemberBody? MemberBody { get; set; }
    /// <summary>The body's place in the committee when the ballot opened; null when it was not a member.</summary>
    public MembershipStatus? Status { get; set; }
    public bool Votes { get; set; }
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
