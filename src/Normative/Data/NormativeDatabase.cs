using System.Net.Sockets;
using Npgsql;

namespace Normative.Data;

/// <summary>
/// Where the data lives: the server named by ConnectionStrings:Normative (or NORMATIVE_DATABASE),
/// or else a private PostgreSQL cluster in the data folder that this process starts and stops.
/// Resolved once the configuration is final, so tests and the CLI can point it elsewhere.
/// </summary>
public sealed class NormativeDatabase(IConfiguration configuration, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<NormativeDatabase>();
    private NpgsqlDataSource? _dataSource;
    private NpgsqlDataSource? _replicaDataSource;
    private LocalPostgres? _local;

    public NpgsqlDataSource DataSource =>
        _dataSource ?? throw new InvalidOperationException("The database has not been started: call NormativeDatabase.StartAsync first.");

    public bool IsStarted => _dataSource is not null;

    /// <summary>
    /// Whether the hottest raw reads are prepared on their pooled connection (Database:PrepareStatements,
    /// true by default). False behind PgBouncer in transaction mode before 1.21, which cannot carry a
    /// statement prepared in one transaction to the next.
    /// </summary>
    public bool PrepareStatements { get; } = configuration.GetValue("Database:PrepareStatements", true);

    /// <summary>
    /// The read replica (ConnectionStrings:NormativeReplica), or null when none is configured. Only
    /// anonymous reads of public pages use it (see ReadRouting); everything else uses the primary.
    /// </summary>
    public NpgsqlDataSource? ReplicaDataSource => _replicaDataSource;

    /// <summary>Where anonymous public reads go: the replica when there is one, else the primary.</summary>
    public NpgsqlDataSource ReadDataSource => _replicaDataSource ?? DataSource;

    public static string? ConfiguredReplicaConnectionString(IConfiguration configuration) =>
        NullIfEmpty(configuration.GetConnectionString("NormativeReplica"));

    /// <summary>The connection string in use, password included (the data source's own omits it): for pg_dump and pg_restore.</summary>
    public string ConnectionString { get; private set; } = "";

    public static string? ConfiguredConnectionString(IConfiguration configuration) =>
        NullIfEmpty(configuration.GetConnectionString("Normative")) ?? NullIfEmpty(configuration["NORMATIVE_DATABASE"]);

    /// <summary>Starts the local cluster if needed, checks the server answers and applies migrations.</summary>
    public async Task StartAsync(bool migrate = true, CancellationToken ct = default)
    {
        if (_dataSource is not null)
        {
            return;
        }
        var connectionString = ConfiguredConnectionString(configuration);
        if (connectionString is null)
        {
            var dataDirectory = DataFolder.Resolve(configuration);
            _local = await LocalPostgres.StartAsync(dataDirectory, log: m => _logger.LogInformation("{Message}", m), ct: ct);
            connectionString = _local.ConnectionString();
            await EnsureDatabaseExistsAsync(_local, ct);
        }

        ConnectionString = connectionString;
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "normative";
        _dataSource = builder.Build();
        await CheckReachableAsync(builder.ConnectionStringBuilder, ct);
        if (migrate)
        {
            await new Migrator(_dataSource, loggerFactory.CreateLogger<Migrator>()).MigrateAsync(ct);
        }
        if (ConfiguredReplicaConnectionString(configuration) is { } replica)
        {
            var replicaBuilder = new NpgsqlDataSourceBuilder(replica);
            replicaBuilder.ConnectionStringBuilder.ApplicationName ??= "normative-reader";
            await ReplicaCheck.RunAsync(_dataSource, replicaBuilder.ConnectionStringBuilder, _logger, ct);
            _replicaDataSource = replicaBuilder.Build();
        }
    }

    private async Task CheckReachableAsync(NpgsqlConnectionStringBuilder csb, CancellationToken ct)
    {
        try
        {
            await using var conn = await _dataSource!.OpenConnectionAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            var where = csb.Host?.StartsWith('/') == true ? $"socket folder {csb.Host}" : $"{csb.Host}:{csb.Port}";
            var reason = e is PostgresException pg ? pg.MessageText : (e.InnerException ?? e).Message;
            throw new DatabaseUnavailableException($"Cannot reach the database at {where} (database '{csb.Database}'): {reason}", e);
        }
    }

    private static async Task EnsureDatabaseExistsAsync(LocalPostgres local, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(local.ConnectionString("postgres"));
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = 'normative'", conn);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand("CREATE DATABASE normative", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    public async ValueTask DisposeAsync()
    {
        if (_replicaDataSource is not null)
        {
            await _replicaDataSource.DisposeAsync();
            _replicaDataSource = null;
        }
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
            _dataSource = null;
        }
        if (_local is not null)
        {
            await _local.StopAsync();
            _local = null;
        }
    }
}
