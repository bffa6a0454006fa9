using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;

namespace Normative.Features.Development.Committees;

/// <summary>One change to a committee's record: its title, scope, secretariat or officers, old → new. Append-only.</summary>
public class CommitteeEvent
{
    public long Id { get; set; }
    public int CommitteeId { get; set; }
    public CommitteeEventKind Kind { get; set; }

    /// <summary>The office, for an appointment or the end of a term.</summary>
    public OfficerRole? Role { get; set; }

    public string? FromValue { get; set; }
    public string? ToValue { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ByUserId { get; set; }
    public string? Note { get; set; }
}

internal sealed class CommitteeEventConfiguration : IEntityTypeConfiguration<CommitteeEvent>
{
    public void Configure(EntityTypeBuilder<CommitteeEvent> b)
    {
        b.ToTable("committee_events");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Note).HasMaxLength(1000);
        b.HasIndex(e => new { e.CommitteeId, e.Id });
        b.HasIndex(e => e.ByUserId);
        b.HasOne<Committee>().WithMany().HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(e => e.ByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
