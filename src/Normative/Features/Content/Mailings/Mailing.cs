using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Content.Articles;

namespace Normative.Features.Content.Mailings;

/// <summary>
/// One mailing: a period's digest (its <see cref="PeriodKey"/> is unique, so it is made once however
/// many app nodes run the job) or a newsletter from an article, with who sent it, when, and to how many.
/// </summary>
public class Mailing
{
    public long Id { get; set; }
    public MailingKind Kind { get; set; }
    public string? PeriodKey { get; set; }
    public int? ArticleId { get; set; }
    public List<string> Topics { get; set; } = [];
    public required string Subject { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Recipients { get; set; }
    /// <summary>The key of the Editor's confirmation form that queued it: the same form posted twice queues it once.</summary>
    public Guid? SendKey { get; set; }
}

internal sealed class MailingConfiguration : IEntityTypeConfiguration<Mailing>
{
    public void Configure(EntityTypeBuilder<Mailing> b)
    {
        b.ToTable("mailings");
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.PeriodKey).HasMaxLength(60);
        b.Property(m => m.Subject).HasMaxLength(500);
        b.Property(m => m.CreatedBy).HasMaxLength(256);
        b.HasIndex(m => m.PeriodKey).IsUnique();
        b.HasIndex(m => m.SendKey).IsUnique();
        b.HasOne<Article>().WithMany().HasForeignKey(m => m.ArticleId).OnDelete(DeleteBehavior.SetNull);
    }
}
