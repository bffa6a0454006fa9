namespace Normative.Data;

/// <summary>
/// Endpoint metadata: an anonymous GET of this endpoint may be answered from the read replica
/// (see ReadRouting). Features add it to their public pages and API reads.
/// </summary>
public sealed class ReplicaRead
{
    public static readonly ReplicaRead Instance = new();

    private ReplicaRead()
    {
    }
}
