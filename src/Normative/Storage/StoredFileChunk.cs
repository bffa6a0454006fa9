using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Storage;

/// <summary>
/// About 1 MB of a stored file's content, in order by <see cref="Seq"/>. Mapped so that the model
/// knows the table; only <see cref="PostgresFileStore"/> reads and writes it, a chunk at a time.
/// </summary>
public class StoredFileChunk
{
    public Guid FileId { get; set; }
    public int Seq { get; set; }
    public required byte[] Data { get; set; }
}

internal sealed class StoredFileChunkConfiguration : IEntityTypeConfiguration<StoredFileChunk>
{
    public void Configure(EntityTypeBuilder<StoredFileChunk> b)
    {
        b.ToTable("stored_file_chunks");
        b.HasKey(c => new { c.FileId, c.Seq });
        b.HasOne<StoredFile>().WithMany().HasForeignKey(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}
