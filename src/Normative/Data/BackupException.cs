namespace Normative.Data;

/// <summary>A backup or restore could not be done; the message says why and what to do.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
