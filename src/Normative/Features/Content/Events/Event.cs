using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Content.Events;

/// <summary>A meeting, webinar or conference: when, where (a place, an online link or both), what, for which sectors.</summary>
public class Event
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown, rendered and sanitized like an article's.</summary>
    public required string Description { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
    public List<string> Sectors { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> b)
    {
        b.ToTable("events");
        b.Property(e => e.Slug).HasMaxLength(100);
        b.Property(e => e.Title).HasMaxLength(300);
        b.Property(e => e.Place).HasMaxLength(300);
        b.Property(e => e.OnlineUrl).HasMaxLength(500);
        b.HasIndex(e => e.Slug).IsUnique();
        b.HasIndex(e => e.EndsAt);
    }
}
