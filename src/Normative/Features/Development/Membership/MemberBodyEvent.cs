using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;

namespace Normative.Features.Development.Membership;

/// <summary>One change to a member body, with the category before and after where it changed. Append-only.</summary>
public class MemberBodyEvent
{
    public long Id { get; set; }
    public int MemberBodyId { get; set; }
    public MemberBodyEventKind Kind { get; set; }
    public MemberCategory? FromCategory { get; set; }
    public MemberCategory? ToCategory { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ByUserId { get; set; }
    public string? Note { get; set; }
}

internal sealed class MemberBodyEventConfiguration : IEntityTypeConfiguration<MemberBodyEvent>
{
    public void Configure(EntityTypeBuilder<MemberBodyEvent> b)
    {
        b.ToTable("member_body_events");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.FromCategory).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.ToCategory).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Note).HasMaxLength(2000);
        b.HasIndex(e => new { e.MemberBodyId, e.Id });
        b.HasOne<MemberBody>().WithMany().HasForeignKey(e => e.MemberBodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(e => e.ByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
