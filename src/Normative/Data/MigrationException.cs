namespace Normative.Data;

/// <summary>The schema cannot be brought up to date safely; the message names the migration file.</summary>
public sealed class MigrationException(string message) : Exception(message);
