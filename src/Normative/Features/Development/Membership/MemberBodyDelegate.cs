using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;

namespace Normative.Features.Development.Membership;

/// <summary>A person registered by a member body to vote and comment for it. A body has several delegates and one vote.</summary>
public class MemberBodyDelegate
{
    public int MemberBodyId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

internal sealed class MemberBodyDelegateConfiguration : IEntityTypeConfiguration<MemberBodyDelegate>
{
    public void Configure(EntityTypeBuilder<MemberBodyDelegate> b)
    {
        b.ToTable("member_body_delegates");
        b.HasKey(d => new { d.MemberBodyId, d.UserId });
        b.HasIndex(d => d.UserId);
        b.HasOne<MemberBody>().WithMany().HasForeignKey(d => d.MemberBodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
