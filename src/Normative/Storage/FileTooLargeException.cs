namespace Normative.Storage;

/// <summary>The content went past <see cref="FileUpload.MaxBytes"/>: nothing of it is kept (the caller's transaction is rolled back).</summary>
public sealed class FileTooLargeException(long maxBytes)
    : IOException($"The file is larger than the limit of {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
