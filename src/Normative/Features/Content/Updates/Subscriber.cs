using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Content.Updates;

/// <summary>An address that signed up for email updates, its topics and language, and where it stands.</summary>
public class Subscriber
{
    public long Id { get; set; }
    /// <summary>Lower-cased, so one address is one row.</summary>
    public required string Email { get; set; }
    public required string Language { get; set; }
    public List<string> Topics { get; set; } = [];
    public SubscriberStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? UnsubscribedAt { get; set; }
    /// <summary>The current confirmation link carries it; each sign-up makes a new one, so only the latest link confirms.</summary>
    public required string ConfirmationNonce { get; set; }
    public DateTimeOffset ConfirmationSentAt { get; set; }
    /// <summary>Mails sent to this address because of sign-ups in the current day, so the form cannot be used to flood someone's inbox.</summary>
    public int ConfirmationMails { get; set; }
    public DigestFrequency DigestFrequency { get; set; }
    /// <summary>The end of the period the last digest covered; the next digest lists what is new since.</summary>
    public DateTimeOffset? LastDigestAt { get; set; }
    public List<SubscriptionEvent> Events { get; set; } = [];
}

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> b)
    {
        b.ToTable("subscribers");
        b.Property(s => s.Email).HasMaxLength(320);
        b.Property(s => s.Language).HasMaxLength(5);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.ConfirmationNonce).HasMaxLength(40);
        b.Property(s => s.DigestFrequency).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(s => s.Email).IsUnique();
        b.HasIndex(s => s.ConfirmationSentAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_subscribers_pending");
        b.HasMany(s => s.Events).WithOne().HasForeignKey(e => e.SubscriberId).OnDelete(DeleteBehavior.Cascade);
    }
}
