using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Committees;

/// <summary>The committee columns standards development adds (migration 0200): secretariat member body, chair, manager; and a working group's convener (0217).</summary>
internal sealed class CommitteeDevelopmentConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> b)
    {
        b.Property(c => c.Chair).HasMaxLength(200);
        b.HasIndex(c => c.ManagerUserId);
        b.HasOne<MemberBody>().WithMany().HasForeignKey(c => c.SecretariatMemberBodyId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.ManagerUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => c.ConvenerUserId);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.ConvenerUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
