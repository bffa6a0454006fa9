using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Content.Articles;

/// <summary>An article in one language: title, summary and the body in Markdown as the Editor wrote it.</summary>
public class ArticleVersion
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public required string Language { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public required string Body { get; set; }
    /// <summary>What the lead image shows, in this language, for people who cannot see it.</summary>
    public string? ImageAlt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ArticleVersionConfiguration : IEntityTypeConfiguration<ArticleVersion>
{
    public void Configure(EntityTypeBuilder<ArticleVersion> b)
    {
        b.ToTable("article_versions");
        b.Property(v => v.Language).HasMaxLength(5);
        b.Property(v => v.Title).HasMaxLength(300);
        b.Property(v => v.Summary).HasMaxLength(1000);
        b.Property(v => v.ImageAlt).HasMaxLength(300);
        b.HasIndex(v => new { v.ArticleId, v.Language }).IsUnique();
    }
}
