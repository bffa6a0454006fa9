using Microsoft.Extensions.Logging.Abstractions;
using Normative.Data;
using Npgsql;

namespace Normative.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run, started from the machine's binaries
/// exactly as the app's embedded default does. Every test class gets its own database, cloned from
/// a migrated template, so no test sees another's data.
/// </summary>
public static class TestCluster
{
    private const string Template = "normative_template";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static LocalPostgres? _cluster;
    private static int _counter;

    private const string Prefix = "normative-tests-";

    /// <summary>
    /// This run's cluster folder. The random part matters: a run that was killed leaves its folder
    /// behind, and a later run that got the same process id would otherwise start that old cluster.
    /// </summary>
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>Deletes the folders of earlier runs whose process is gone (killed runs skip their clean-up).</summary>
    private static void DeleteStaleClusters()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var name = Path.GetFileName(folder)[Prefix.Length..];
            var pid = name.Split('-')[0];
            if (!int.TryParse(pid, System.Globalization.CultureInfo.InvariantCulture, out var id) || id == Environment.ProcessId || Directory.Exists($"/proc/{id}"))
            {
                continue;
            }
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    public static async Task<LocalPostgres> GetAsync()
    {
        if (_cluster is not null)
        {
            return _cluster;
        }
        await Gate.WaitAsync();
        try
        {
            if (_cluster is not null)
            {
                return _cluster;
            }
            DeleteStaleClusters();
            var cluster = await LocalPostgres.StartAsync(Root, fastAndUnsafe: true);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                NpgsqlConnection.ClearAllPools();
                cluster.Destroy();
                try
                {
                    Directory.Delete(Root, recursive: true);
                }
                catch (IOException)
                {
                }
            };
            await using (var conn = new NpgsqlConnection(cluster.ConnectionString("postgres")))
            {
                await conn.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {Template}", conn);
                await create.ExecuteNonQueryAsync();
            }
            await using (var source = NpgsqlDataSource.Create(cluster.ConnectionString(Template)))
            {
                await new Migrator(source, NullLogger<Migrator>.Instance).MigrateAsync();
            }
            // A template must have no open connections while it is copied.
            NpgsqlConnection.ClearAllPools();
            _cluster = cluster;
            return cluster;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A new, migrated, empty database; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(bool migrated = true)
    {
        var cluster = await GetAsync();
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        await using var conn = new NpgsqlConnection(cluster.ConnectionString("postgres") + ";Pooling=false");
        await conn.OpenAsync();
        await using var create = new NpgsqlCommand(migrated ? $"CREATE DATABASE {name} TEMPLATE {Template}" : $"CREATE DATABASE {name}", conn);
        await create.ExecuteNonQueryAsync();
        return cluster.ConnectionString(name);
    }
}
