using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Normative.Data;
using Npgsql;

namespace Normative.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL primary and a streaming replica of it (pg_basebackup -R), private to one test class,
/// on Unix sockets in temporary folders, from the machine's PostgreSQL binaries. The primary holds a
/// migrated 'normative' database; the replica follows it until stopped or paused.
/// </summary>
public sealed class ReplicaPair : IAsyncLifetime
{
    private readonly string _root = Path.Combine(TestCluster.Root, "pair-" + Guid.NewGuid().ToString("N")[..8]);
    private LocalPostgres? _primary;

    private string ReplicaDirectory => Path.Combine(_root, "replica");

    public string PrimaryConnectionString => _primary!.ConnectionString();

    /// <summary>The replica alone (its socket folder is its data folder).</summary>
    public string ReplicaConnectionString => new NpgsqlConnectionStringBuilder(PrimaryConnectionString) { Host = ReplicaDirectory }.ConnectionString;

    /// <summary>The replica first, then the primary as the fallback Npgsql takes when the replica does not answer.</summary>
    public string ReplicaWithFallback => new NpgsqlConnectionStringBuilder(PrimaryConnectionString)
    {
        Host = $"{ReplicaDirectory},{new NpgsqlConnectionStringBuilder(PrimaryConnectionString).Host}",
        TargetSessionAttributes = "prefer-standby",
        HostRecheckSeconds = HostRecheckSeconds,
    }.ConnectionString;

    /// <summary>How soon Npgsql tries a host again that did not answer (10 s by default).</summary>
    public const int HostRecheckSeconds = 1;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_root, "primary"));
        // pg_basebackup needs full page writes, so not the test cluster's fast, unsafe settings.
        _primary = await LocalPostgres.StartAsync(Path.Combine(_root, "primary"));
        await using (var conn = new NpgsqlConnection(_primary.ConnectionString("postgres") + ";Pooling=false"))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE normative", conn);
            await create.ExecuteNonQueryAsync();
        }
        await using (var source = NpgsqlDataSource.Create(PrimaryConnectionString))
        {
            await new Migrator(source, NullLogger<Migrator>.Instance).MigrateAsync();
        }
        var primarySocket = new NpgsqlConnectionStringBuilder(PrimaryConnectionString).Host!;
        Directory.CreateDirectory(ReplicaDirectory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(ReplicaDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        if (Environment.UserName == "root")
        {
            Process.Start("chown", ["postgres:postgres", ReplicaDirectory])!.WaitForExit();
        }
        Pg("pg_basebackup", "-h", primarySocket, "-U", LocalPostgres.SuperUser, "-D", ReplicaDirectory, "-R", "-X", "stream");
        // The primary's socket lives in its data folder, so the copy carries its lock file.
        File.Delete(Path.Combine(ReplicaDirectory, ".s.PGSQL.5432.lock"));
        File.Delete(Path.Combine(ReplicaDirectory, "server.log"));
        await File.AppendAllTextAsync(Path.Combine(ReplicaDirectory, "postgresql.auto.conf"),
            $"unix_socket_directories = '{ReplicaDirectory}'\nhot_standby = on\n");
        StartReplica();
    }

    public void StartReplica() =>
        Pg("pg_ctl", "start", "-D", ReplicaDirectory, "-w", "-t", "60", "-l", Path.Combine(ReplicaDirectory, "server.log"), "-s");

    public void StopReplica() => Pg("pg_ctl", "stop", "-D", ReplicaDirectory, "-m", "fast", "-w", "-s");

    /// <summary>Pauses (or resumes) the replay of the primary's changes on the replica: the replica then lags for as long as a test wants.</summary>
    public async Task PauseReplayAsync(bool paused)
    {
        await using var conn = new NpgsqlConnection(ReplicaConnectionString + ";Pooling=false");
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(paused ? "SELECT pg_wal_replay_pause()" : "SELECT pg_wal_replay_resume()", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until the replica has replayed everything the primary has written so far.</summary>
    public async Task CatchUpAsync()
    {
        string lsn;
        await using (var primary = new NpgsqlConnection(PrimaryConnectionString + ";Pooling=false"))
        {
            await primary.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT pg_current_wal_lsn()::text", primary);
            lsn = (string)(await cmd.ExecuteScalarAsync())!;
        }
        await using var replica = new NpgsqlConnection(ReplicaConnectionString + ";Pooling=false");
        await replica.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var cmd = new NpgsqlCommand($"SELECT pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn", replica);
            if ((bool)(await cmd.ExecuteScalarAsync())!)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, "The replica did not catch up with the primary within 30 s.");
            await Task.Delay(50);
        }
    }

    private static void Pg(string tool, params string[] args)
    {
        // PostgreSQL refuses to run as root; LocalPostgres runs it as 'postgres' then, and so does this.
        var asRoot = Environment.UserName == "root";
        var psi = new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(LocalPostgres.FindBinaries(), tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asRoot)
        {
            foreach (var a in new[] { "-u", "postgres", "--", Path.Combine(LocalPostgres.FindBinaries(), tool) })
            {
                psi.ArgumentList.Add(a);
            }
        }
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {output}");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Pg("pg_ctl", "stop", "-D", ReplicaDirectory, "-m", "immediate", "-w", "-s");
        }
        catch (Xunit.Sdk.XunitException)
        {
        }
        _primary?.Destroy();
        await Task.CompletedTask;
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
