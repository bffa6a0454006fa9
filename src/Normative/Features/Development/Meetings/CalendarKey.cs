using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Accounts;

namespace Normative.Features.Development.Meetings;

/// <summary>
/// The secret in a person's own meetings calendar address: calendar programs cannot sign in, so the
/// address is the key. A new key replaces the old one (and the old address stops working).
/// </summary>
public class CalendarKey
{
    public required string UserId { get; set; }
    public required string Key { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class CalendarKeyConfiguration : IEntityTypeConfiguration<CalendarKey>
{
    public void Configure(EntityTypeBuilder<CalendarKey> b)
    {
        b.ToTable("calendar_keys");
        b.HasKey(k => k.UserId);
        b.Property(k => k.Key).HasMaxLength(64);
        b.HasIndex(k => k.Key).IsUnique();
        b.HasOne<User>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
