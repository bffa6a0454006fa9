using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;
using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Meetings;

/// <summary>
/// A person registered for a meeting: a delegate for the member body they represent. Experts
/// (#20 item 4) will register with no member body, or the body that nominated them.
/// </summary>
public class MeetingRegistration
{
    public int MeetingId { get; set; }
    public required string UserId { get; set; }
    public int? MemberBodyId { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public string? RegisteredByUserId { get; set; }
}

internal sealed class MeetingRegistrationConfiguration : IEntityTypeConfiguration<MeetingRegistration>
{
    public void Configure(EntityTypeBuilder<MeetingRegistration> b)
    {
        b.ToTable("meeting_registrations");
        b.HasKey(r => new { r.MeetingId, r.UserId });
        b.HasIndex(r => r.UserId);
        b.HasIndex(r => r.MemberBodyId);
        b.HasIndex(r => r.RegisteredByUserId);
        b.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.RegisteredByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<MemberBody>().WithMany().HasForeignKey(r => r.MemberBodyId).OnDelete(DeleteBehavior.SetNull);
    }
}
