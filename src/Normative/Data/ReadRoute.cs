using Npgsql;

namespace Normative.Data;

/// <summary>The server this request reads from, decided once per request (see ReadRouting): the NormativeDb of the request and raw public reads use it.</summary>
public sealed class ReadRoute(NormativeDatabase database, IHttpContextAccessor http)
{
    public bool UsesReplica { get; } = database.ReplicaDataSource is not null && ReadRouting.UsesReplica(http.HttpContext);

    public NpgsqlDataSource DataSource => UsesReplica ? database.ReplicaDataSource! : database.DataSource;

    /// <summary>Whether a raw read may prepare its statement (see <see cref="NormativeDatabase.PrepareStatements"/>).</summary>
    public bool PrepareStatements => database.PrepareStatements;

    /// <summary>
    /// A raw read. On the replica, a connection that broke (the replica was just stopped: Npgsql then
    /// clears the pool) is tried again, and the multi-host string moves on to the next host.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<NpgsqlDataSource, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await read(DataSource);
            }
            catch (NpgsqlException e) when (UsesReplica && e.IsTransient && attempt < 3)
            {
            }
        }
    }
}
