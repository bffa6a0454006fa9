namespace Normative.Storage;

/// <summary>A stored file's content no longer matches the SHA-256 recorded when it was saved.</summary>
public sealed class FileCorruptException(Guid fileId, string expected, string actual)
    : IOException($"Stored file {fileId} does not match its checksum: expected {expected}, read {actual}.")
{
    public Guid FileId { get; } = fileId;
}
