using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;

namespace Normative.Features.Development.Membership;

/// <summary>
/// A member body's request to become a P- or O-member of a committee, made by one of its
/// administrators and decided by the committee's manager (or an administrator). Accepting it is a
/// <see cref="MembershipEvent"/> like any other change of membership.
/// </summary>
public class MembershipApplication
{
    public int Id { get; set; }
    public int CommitteeId { get; set; }
    public int MemberBodyId { get; set; }
    public MemberBody? MemberBody { get; set; }
    public MembershipStatus Status { get; set; }
    public MembershipApplicationState State { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
    public string? AppliedByUserId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
}

internal sealed class MembershipApplicationConfiguration : IEntityTypeConfiguration<MembershipApplication>
{
    public void Configure(EntityTypeBuilder<MembershipApplication> b)
    {
        b.ToTable("committee_membership_applications");
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(1);
        b.Property(a => a.State).HasConversion<string>().HasMaxLength(10);
        b.Property(a => a.Note).HasMaxLength(1000);
        b.HasIndex(a => new { a.CommitteeId, a.MemberBodyId }).IsUnique().HasFilter("state = 'Pending'");
        b.HasIndex(a => a.MemberBodyId);
        b.HasOne<Committee>().WithMany().HasForeignKey(a => a.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.MemberBody).WithMany().HasForeignKey(a => a.MemberBodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.AppliedByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.DecidedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
