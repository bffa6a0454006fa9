using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Content.Pages;

/// <summary>
/// A page's history, append-only: each text saved in a language, whole (so any of them can be
/// restored as a new revision), and each change of status (no language, no text).
/// </summary>
public class PageRevision
{
    public long Id { get; set; }
    public required string PageKey { get; set; }
    public string? Language { get; set; }
    public DateTimeOffset At { get; set; }
    public string? By { get; set; }
    public PageRevisionKind Kind { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    /// <summary>For a restore: the revision whose text it brought back.</summary>
    public long? RestoredFrom { get; set; }
}

internal sealed class PageRevisionConfiguration : IEntityTypeConfiguration<PageRevision>
{
    public void Configure(EntityTypeBuilder<PageRevision> b)
    {
        b.ToTable("page_revisions");
        b.Property(r => r.PageKey).HasMaxLength(40);
        b.Property(r => r.Language).HasMaxLength(5);
        b.Property(r => r.By).HasMaxLength(450);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Title).HasMaxLength(300);
        b.Property(r => r.Summary).HasMaxLength(1000);
        b.HasIndex(r => r.PageKey);
    }
}
