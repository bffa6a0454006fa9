using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Content.Pages;

/// <summary>An institutional page once an Editor (or the defaults loader) has touched it: its status, its versions and its revisions.</summary>
public class SitePage
{
    /// <summary>The page's address without the slash (<see cref="InstitutionalPages"/>).</summary>
    public required string Key { get; set; }
    public PageStatus Status { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<PageVersion> Versions { get; set; } = [];
    public List<PageRevision> Revisions { get; set; } = [];
}

internal sealed class SitePageConfiguration : IEntityTypeConfiguration<SitePage>
{
    public void Configure(EntityTypeBuilder<SitePage> b)
    {
        b.ToTable("pages");
        b.HasKey(p => p.Key);
        b.Property(p => p.Key).HasMaxLength(40);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PageKey).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.PageKey).OnDelete(DeleteBehavior.Cascade);
    }
}
