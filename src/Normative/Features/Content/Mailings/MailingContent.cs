using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Content.Mailings;

/// <summary>
/// A mailing's text in one language (for a digest, also for one set of topics and period start),
/// written once and shared by every recipient; the reader's own links replace
/// <see cref="MailingLinks.PreferencesPlaceholder"/> and <see cref="MailingLinks.UnsubscribePlaceholder"/> when it is sent.
/// </summary>
public class MailingContent
{
    public long Id { get; set; }
    public long MailingId { get; set; }
    public required string Language { get; set; }
    public List<string>? Topics { get; set; }
    public DateTimeOffset? Since { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }
}

internal sealed class MailingContentConfiguration : IEntityTypeConfiguration<MailingContent>
{
    public void Configure(EntityTypeBuilder<MailingContent> b)
    {
        b.ToTable("mailing_contents");
        b.Property(c => c.Language).HasMaxLength(5);
        b.Property(c => c.Subject).HasMaxLength(500);
        b.HasOne<Mailing>().WithMany().HasForeignKey(c => c.MailingId).OnDelete(DeleteBehavior.Cascade);
    }
}
