namespace Normative.Data;

/// <summary>The machine has no PostgreSQL server binaries for the embedded database.</summary>
public sealed class PostgresNotInstalledException(string message) : Exception(message);
