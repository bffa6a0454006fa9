using System.Globalization;
using System.Net.Sockets;
using Npgsql;

namespace Normative.Data;

/// <summary>
/// The start-up check of ConnectionStrings:NormativeReplica. Each host it names is asked on its own
/// whether it is in recovery (a standby) and for its system identifier, which a streaming replica
/// shares with its primary. A host that belongs to another cluster, or a list whose every answering
/// host is a primary, is a mistake that would serve writes or someone else's data as ours: the app
/// refuses to start. The primary itself may be named last, as the fallback of
/// <c>Target Session Attributes=prefer-standby</c>. A replica that does not answer yet is only
/// logged: reads then go to the next host of the list.
/// </summary>
public static class ReplicaCheck
{
    private const string Probe = "SELECT pg_is_in_recovery(), (SELECT system_identifier FROM pg_control_system())";

    public static async Task RunAsync(NpgsqlDataSource primary, NpgsqlConnectionStringBuilder replica, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(replica);
        ArgumentNullException.ThrowIfNull(logger);
        long primaryId;
        await using (var cmd = primary.CreateCommand(Probe))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            primaryId = reader.GetInt64(1);
        }

        var standbys = 0;
        var primaries = new List<string>();
        foreach (var (host, port) in Hosts(replica))
        {
            var where = host.StartsWith('/') ? $"{host} (port {port})" : $"{host}:{port}";
            var one = new NpgsqlConnectionStringBuilder(replica.ConnectionString)
            {
                Host = host,
                Port = port,
                TargetSessionAttributes = null,
                Pooling = false,
                Timeout = Math.Min(replica.Timeout, 5),
            };
            try
            {
                await using var conn = new NpgsqlConnection(one.ConnectionString);
                await conn.OpenAsync(ct);
                await using var cmd = new NpgsqlCommand(Probe, conn);
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                var inRecovery = reader.GetBoolean(0);
                var systemId = reader.GetInt64(1);
                if (systemId != primaryId)
                {
                    throw new ReplicaMisconfiguredException(
                        $"ConnectionStrings:NormativeReplica names {where}, which is not a replica of the primary: its system identifier is " +
                        $"{systemId.ToString(CultureInfo.InvariantCulture)}, the primary's {primaryId.ToString(CultureInfo.InvariantCulture)} " +
                        "(SELECT system_identifier FROM pg_control_system()). Point it at a standby made from the primary with pg_basebackup.");
                }
                if (inRecovery)
                {
                    standbys++;
                }
                else
                {
                    primaries.Add(where);
                }
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
            {
                logger.LogWarning("The read replica {Replica} does not answer ({Reason}); public reads use the next host of ConnectionStrings:NormativeReplica",
                    where, e is PostgresException pg ? pg.MessageText : (e.InnerException ?? e).Message);
            }
        }
        if (standbys == 0 && primaries.Count > 0)
        {
            throw new ReplicaMisconfiguredException(
                $"ConnectionStrings:NormativeReplica names only a primary ({string.Join(", ", primaries)}: pg_is_in_recovery() is false). " +
                "Name a streaming replica (a hot standby), and the primary after it only as the fallback (Target Session Attributes=prefer-standby).");
        }
    }

    /// <summary>The hosts of a (multi-host) connection string with their ports: "a,b:5433" and Port=5432 give a:5432 and b:5433.</summary>
    public static IReadOnlyList<(string Host, int Port)> Hosts(NpgsqlConnectionStringBuilder csb)
    {
        ArgumentNullException.ThrowIfNull(csb);
        var hosts = new List<(string, int)>();
        foreach (var part in (csb.Host ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.LastIndexOf(':');
            if (!part.StartsWith('/') && colon > 0 && !part.EndsWith(']')
                && int.TryParse(part[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                hosts.Add((part[..colon], port));
            }
            else
            {
                hosts.Add((part, csb.Port));
            }
        }
        return hosts;
    }
}
