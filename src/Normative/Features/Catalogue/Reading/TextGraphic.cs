using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// An image of a text (a figure, an inline graphic) as its package held it, under the name the XML
/// gives it (xlink:href). Kept with the text rather than in the file store: figures are small, and a
/// text replaced or removed takes its images with it in the same statement.
/// </summary>
public class TextGraphic
{
    public int TextId { get; set; }
    /// <summary>The xlink:href of the XML.</summary>
    public required string Name { get; set; }
    /// <summary>image/png, image/jpeg, image/gif or image/svg+xml, read from the content.</summary>
    public required string ContentType { get; set; }
    public int Size { get; set; }
    /// <summary>Hex SHA-256 of <see cref="Data"/>: the image's address and ETag.</summary>
    public required string Sha256 { get; set; }
    /// <summary>Shown in the preview (so to everyone); otherwise only to those who read the whole text.</summary>
    public bool Preview { get; set; }
    public required byte[] Data { get; set; }
}

internal sealed class TextGraphicConfiguration : IEntityTypeConfiguration<TextGraphic>
{
    public void Configure(EntityTypeBuilder<TextGraphic> b)
    {
        b.ToTable("standard_text_graphics");
        b.HasKey(g => new { g.TextId, g.Name });
        b.Property(g => g.Name).HasMaxLength(300);
        b.Property(g => g.ContentType).HasMaxLength(40);
        b.Property(g => g.Sha256).HasMaxLength(64);
        b.HasIndex(g => g.Sha256);
        b.HasOne<StandardText>().WithMany().HasForeignKey(g => g.TextId).OnDelete(DeleteBehavior.Cascade);
    }
}
