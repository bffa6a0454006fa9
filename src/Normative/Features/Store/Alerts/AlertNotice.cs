using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Store.Alerts;

/// <summary>
/// A change to a standard a buyer bought, recorded once: mailed (MailedAt set), or already known when
/// the buyer paid (MailedAt null), which is never mailed. The unique key makes "once per change" hold
/// even when two instances look at the same time.
/// </summary>
public class AlertNotice
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    /// <summary>The deliverable the buyer bought.</summary>
    public int DeliverableId { get; set; }
    /// <summary>Identifies the change, e.g. "NewEdition:62085" or "Withdrawn".</summary>
    public required string ChangeKey { get; set; }
    public AlertKind Kind { get; set; }
    public int? NewDeliverableId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? MailedAt { get; set; }
}

internal sealed class AlertNoticeConfiguration : IEntityTypeConfiguration<AlertNotice>
{
    public void Configure(EntityTypeBuilder<AlertNotice> b)
    {
        b.ToTable("alert_notices");
        b.Property(a => a.ChangeKey).HasMaxLength(60);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(a => new { a.UserId, a.DeliverableId, a.ChangeKey }).IsUnique();
    }
}
