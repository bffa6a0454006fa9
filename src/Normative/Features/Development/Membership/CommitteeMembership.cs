using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Catalogue;

namespace Normative.Features.Development.Membership;

/// <summary>A member body's current place in a committee; its history is in <see cref="MembershipEvent"/>.</summary>
public class CommitteeMembership
{
    public int CommitteeId { get; set; }
    public int MemberBodyId { get; set; }
    public MemberBody? MemberBody { get; set; }
    public MembershipStatus Status { get; set; }
    public DateOnly Since { get; set; }
}

internal sealed class CommitteeMembershipConfiguration : IEntityTypeConfiguration<CommitteeMembership>
{
    public void Configure(EntityTypeBuilder<CommitteeMembership> b)
    {
        b.ToTable("committee_memberships");
        b.HasKey(m => new { m.CommitteeId, m.MemberBodyId });
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(1);
        b.HasIndex(m => m.MemberBodyId);
        b.HasOne<Committee>().WithMany().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.MemberBody).WithMany().HasForeignKey(m => m.MemberBodyId).OnDelete(DeleteBehavior.Restrict);
    }
}
