using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Catalogue;
using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Meetings;

/// <summary>
/// A committee's meeting: when, where (an address or an online link), which member body hosts it,
/// its agenda and resolutions (Markdown), and whether it still takes place.
/// </summary>
public class Meeting
{
    public int Id { get; set; }
    public int CommitteeId { get; set; }
    public MeetingKind Kind { get; set; }
    /// <summary>The meeting's number in the committee's series ("the 42nd plenary"), when it has one.</summary>
    public int? Number { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Address { get; set; }
    public string? City { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? CountryCode { get; set; }
    public string? OnlineUrl { get; set; }
    public int? HostMemberBodyId { get; set; }
    public string? Agenda { get; set; }
    public string? Resolutions { get; set; }
    public MeetingStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("meetings");
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Title).HasMaxLength(300);
        b.Property(m => m.Address).HasMaxLength(500);
        b.Property(m => m.City).HasMaxLength(200);
        b.Property(m => m.CountryCode).HasMaxLength(2);
        b.Property(m => m.OnlineUrl).HasMaxLength(1000);
        b.HasIndex(m => new { m.CommitteeId, m.StartsAt });
        b.HasIndex(m => m.StartsAt);
        b.HasOne<Committee>().WithMany().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MemberBody>().WithMany().HasForeignKey(m => m.HostMemberBodyId).OnDelete(DeleteBehavior.SetNull);
    }
}
