using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Content.Pages;

/// <summary>A page in one language as it stands: title, summary and the body in Markdown as the Editor wrote it.</summary>
public class PageVersion
{
    public int Id { get; set; }
    public required string PageKey { get; set; }
    public required string Language { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class PageVersionConfiguration : IEntityTypeConfiguration<PageVersion>
{
    public void Configure(EntityTypeBuilder<PageVersion> b)
    {
        b.ToTable("page_versions");
        b.Property(v => v.PageKey).HasMaxLength(40);
        b.Property(v => v.Language).HasMaxLength(5);
        b.Property(v => v.Title).HasMaxLength(300);
        b.Property(v => v.Summary).HasMaxLength(1000);
        b.HasIndex(v => new { v.PageKey, v.Language }).IsUnique();
    }
}
