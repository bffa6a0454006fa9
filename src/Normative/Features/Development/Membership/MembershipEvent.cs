using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;

namespace Normative.Features.Development.Membership;

/// <summary>One change of a member body's place in a committee (joined, changed, left). Append-only.</summary>
public class MembershipEvent
{
    public long Id { get; set; }
    public int CommitteeId { get; set; }
    public int MemberBodyId { get; set; }
    public MembershipEventKind Kind { get; set; }
    public MembershipStatus? FromStatus { get; set; }
    public MembershipStatus? ToStatus { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ByUserId { get; set; }
    public string? Note { get; set; }
}

internal sealed class MembershipEventConfiguration : IEntityTypeConfiguration<MembershipEvent>
{
    public void Configure(EntityTypeBuilder<MembershipEvent> b)
    {
        b.ToTable("committee_membership_events");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(1);
        b.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(1);
        b.Property(e => e.Note).HasMaxLength(1000);
        b.HasIndex(e => new { e.CommitteeId, e.At });
        b.HasIndex(e => e.MemberBodyId);
        b.HasOne<Committee>().WithMany().HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MemberBody>().WithMany().HasForeignKey(e => e.MemberBodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(e => e.ByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
