using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;

namespace Normative.Features.Development.Membership;

/// <summary>A person who manages a member body's delegates for it (with the MemberBodyAdministrator role).</summary>
public class MemberBodyAdministrator
{
    public int MemberBodyId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

internal sealed class MemberBodyAdministratorConfiguration : IEntityTypeConfiguration<MemberBodyAdministrator>
{
    public void Configure(EntityTypeBuilder<MemberBodyAdministrator> b)
    {
        b.ToTable("member_body_administrators");
        b.HasKey(a => new { a.MemberBodyId, a.UserId });
        b.HasIndex(a => a.UserId);
        b.HasOne<MemberBody>().WithMany().HasForeignKey(a => a.MemberBodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
