using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Content.Updates;

namespace Normative.Features.Content.Mailings;

/// <summary>
/// One subscriber a mailing goes to. The key (mailing, subscriber) is what makes "at most once per
/// mailing" hold; <see cref="NextAttemptAt"/> is also the lease of the sender that has claimed it.
/// </summary>
public class MailingRecipient
{
    public long MailingId { get; set; }
    public long SubscriberId { get; set; }
    public long ContentId { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>The subscriber had unsubscribed by the time its turn came.</summary>
    public DateTimeOffset? SkippedAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class MailingRecipientConfiguration : IEntityTypeConfiguration<MailingRecipient>
{
    public void Configure(EntityTypeBuilder<MailingRecipient> b)
    {
        b.ToTable("mailing_recipients");
        b.HasKey(r => new { r.MailingId, r.SubscriberId });
        b.Property(r => r.LastError).HasMaxLength(2000);
        b.HasIndex(r => r.NextAttemptAt).HasFilter("sent_at IS NULL AND skipped_at IS NULL AND failed_at IS NULL").HasDatabaseName("ix_mailing_recipients_due");
        b.HasOne<Mailing>().WithMany().HasForeignKey(r => r.MailingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MailingContent>().WithMany().HasForeignKey(r => r.ContentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Subscriber>().WithMany().HasForeignKey(r => r.SubscriberId).OnDelete(DeleteBehavior.Cascade);
    }
}
