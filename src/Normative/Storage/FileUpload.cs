namespace Normative.Storage;

/// <summary>What is known of a file before its content streams in: its name, its content type and the most bytes it may have.</summary>
public sealed record FileUpload(string Name, string ContentType, long MaxBytes);
