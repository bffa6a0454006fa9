using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;

namespace Normative.Features.Development.Liaisons;

/// <summary>A person who speaks for a liaison organization in the committee: comments on its ballots, never votes.</summary>
public class LiaisonRepresentative
{
    public int LiaisonId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

internal sealed class LiaisonRepresentativeConfiguration : IEntityTypeConfiguration<LiaisonRepresentative>
{
    public void Configure(EntityTypeBuilder<LiaisonRepresentative> b)
    {
        b.ToTable("liaison_representatives");
        b.HasKey(r => new { r.LiaisonId, r.UserId });
        b.HasIndex(r => r.UserId);
        b.HasOne<CommitteeLiaison>().WithMany().HasForeignKey(r => r.LiaisonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
