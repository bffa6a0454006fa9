namespace Normative.Data;

/// <summary>The configured database cannot be reached; the message names the host.</summary>
public sealed class DatabaseUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
