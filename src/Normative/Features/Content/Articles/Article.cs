using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Storage;

namespace Normative.Features.Content.Articles;

/// <summary>A news item or an insight: its address, where it stands, its tags and one version per language.</summary>
public class Article
{
    public int Id { get; set; }
    public ArticleKind Kind { get; set; }
    public required string Slug { get; set; }
    public ArticleStatus Status { get; set; }
    /// <summary>When it is (or was, or will be) published; set when scheduled or published.</summary>
    public DateTimeOffset? PublishAt { get; set; }
    /// <summary>The Editors' choice for the home page's "Featured insights".</summary>
    public bool Featured { get; set; }
    /// <summary>Sector slugs (Sector.All).</summary>
    public List<string> Sectors { get; set; } = [];
    /// <summary>Standards' references as written ("ISO 9001").</summary>
    public List<string> Standards { get; set; } = [];
    /// <summary>Committees' references ("ISO/TC 176").</summary>
    public List<string> Committees { get; set; } = [];
    /// <summary>The lead image as the article shows it (at most <see cref="LeadImages.LargeWidth"/> wide), in the file store.</summary>
    public Guid? ImageFileId { get; set; }
    /// <summary>The same image for lists and the home page (at most <see cref="LeadImages.SmallWidth"/> wide).</summary>
    public Guid? ImageSmallFileId { get; set; }
    public int? ImageWidth { get; set; }
    public int? ImageHeight { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ArticleVersion> Versions { get; set; } = [];
    public List<ArticleEvent> Events { get; set; } = [];
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> b)
    {
        b.ToTable("articles");
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Slug).HasMaxLength(100);
        b.HasIndex(a => a.Slug).IsUnique();
        b.HasIndex(a => new { a.Kind, a.PublishAt });
        b.HasIndex(a => a.ImageFileId);
        b.HasIndex(a => a.ImageSmallFileId);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(a => a.ImageFileId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(a => a.ImageSmallFileId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(a => a.Versions).WithOne().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
