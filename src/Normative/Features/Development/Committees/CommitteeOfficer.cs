using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;

namespace Normative.Features.Development.Committees;

/// <summary>
/// One term of a committee's officer: its chair (a person, with or without an account here) or its
/// committee manager (an account). A term without an end runs until the next appointment ends it.
/// </summary>
public class CommitteeOfficer
{
    public int Id { get; set; }
    public int CommitteeId { get; set; }
    public OfficerRole Role { get; set; }
    public required string Name { get; set; }
    public string? UserId { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateTimeOffset AppointedAt { get; set; }
    public string? AppointedByUserId { get; set; }

    /// <summary>In office on <paramref name="day"/>.</summary>
    public bool Serves(DateOnly day) => StartsOn <= day && (EndsOn is null || EndsOn >= day);
}

internal sealed class CommitteeOfficerConfiguration : IEntityTypeConfiguration<CommitteeOfficer>
{
    public void Configure(EntityTypeBuilder<CommitteeOfficer> b)
    {
        b.ToTable("committee_officers", t => t.HasCheckConstraint("ck_committee_officers_term", "ends_on IS NULL OR ends_on >= starts_on"));
        b.Property(o => o.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Name).HasMaxLength(200);
        b.HasIndex(o => new { o.CommitteeId, o.Role });
        b.HasIndex(o => o.UserId);
        b.HasIndex(o => o.AppointedByUserId);
        b.HasOne<Committee>().WithMany().HasForeignKey(o => o.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<User>().WithMany().HasForeignKey(o => o.AppointedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
