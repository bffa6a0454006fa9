using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Normative.Features.Catalogue;

namespace Normative.Features.Store.Delivery;

/// <summary>The master PDF of a deliverable in one language, uploaded by an Editor and stamped for each download.</summary>
public class SourceFile
{
    public int Id { get; set; }
    public int DeliverableId { get; set; }
    public required string Language { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public int Size { get; set; }
    public int PageCount { get; set; }
    /// <summary>Hex SHA-256 of the content, to tell versions apart.</summary>
    public required string Sha256 { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}

internal sealed class SourceFileConfiguration : IEntityTypeConfiguration<SourceFile>
{
    public void Configure(EntityTypeBuilder<SourceFile> b)
    {
        b.ToTable("source_files");
        b.Property(f => f.Language).HasMaxLength(8);
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.UploadedBy).HasMaxLength(256);
        b.HasIndex(f => new { f.DeliverableId, f.Language }).IsUnique();
        b.HasOne<Deliverable>().WithMany().HasForeignKey(f => f.DeliverableId).OnDelete(DeleteBehavior.Cascade);
    }
}
