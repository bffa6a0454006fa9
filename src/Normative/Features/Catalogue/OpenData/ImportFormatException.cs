namespace Normative.Features.Catalogue.OpenData;

/// <summary>The file as a whole cannot be imported (unreadable, not text, not the expected kind): nothing is written.</summary>
public sealed class ImportFormatException(string message, Exception? inner = null) : Exception(message, inner);
