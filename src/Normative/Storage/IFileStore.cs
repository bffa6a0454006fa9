using Normative.Data;

namespace Normative.Storage;

/// <summary>
/// Where file contents live: streamed in and out, never held whole in memory. The default keeps them
/// in PostgreSQL (<see cref="PostgresFileStore"/>), one store for every node. Both methods take the
/// caller's <see cref="NormativeDb"/> so a file is saved in the same transaction as the row naming it.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Reads <paramref name="content"/> to its end and keeps it, computing its size and SHA-256 as it
    /// goes. In the caller's transaction when there is one (the file is then kept only if it commits).
    /// Throws <see cref="FileTooLargeException"/> past <see cref="FileUpload.MaxBytes"/>.
    /// </summary>
    Task<StoredFile> SaveAsync(NormativeDb db, Stream content, FileUpload upload, CancellationToken ct = default);

    /// <summary>
    /// The file's content as a forward-only stream that checks the SHA-256 as it is read: at its last
    /// byte a mismatch throws <see cref="FileCorruptException"/> (so a download is cut off, never completed
    /// with wrong bytes). Before its first read it may be positioned (Seek) to serve a range of the file,
    /// which is then not checked. The stream uses <paramref name="db"/>'s connection until it is disposed.
    /// </summary>
    Task<Stream> OpenReadAsync(NormativeDb db, StoredFile file, CancellationToken ct = default);
}
