using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Catalogue.Reading;

/// <summary>A title a text gives itself in one language (an English text often carries its French title too).</summary>
public class StandardTextTitle
{
    public int TextId { get; set; }
    public required string Language { get; set; }
    public required string Title { get; set; }
}

internal sealed class StandardTextTitleConfiguration : IEntityTypeConfiguration<StandardTextTitle>
{
    public void Configure(EntityTypeBuilder<StandardTextTitle> b)
    {
        b.ToTable("standard_text_titles");
        b.HasKey(t => new { t.TextId, t.Language });
        b.Property(t => t.Language).HasMaxLength(8);
    }
}
