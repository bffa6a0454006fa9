using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Content.Articles;

/// <summary>An article's history, append-only: who did what, when.</summary>
public class ArticleEvent
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? By { get; set; }
    public ArticleEventKind Kind { get; set; }
    public string? Note { get; set; }
}

internal sealed class ArticleEventConfiguration : IEntityTypeConfiguration<ArticleEvent>
{
    public void Configure(EntityTypeBuilder<ArticleEvent> b)
    {
        b.ToTable("article_events");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.By).HasMaxLength(450);
        b.Property(e => e.Note).HasMaxLength(500);
        b.HasIndex(e => e.ArticleId);
    }
}
