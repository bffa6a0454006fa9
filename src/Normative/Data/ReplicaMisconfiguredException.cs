namespace Normative.Data;

/// <summary>ConnectionStrings:NormativeReplica names a server that is not a streaming replica of the primary; the message says which and why.</summary>
public sealed class ReplicaMisconfiguredException(string message) : Exception(message);
