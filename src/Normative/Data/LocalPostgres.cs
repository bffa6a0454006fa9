using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Normative.Data;

/// <summary>
/// A private PostgreSQL cluster run from the machine's PostgreSQL binaries: data in a folder of
/// ours, a Unix socket in that folder and no TCP port. Used when no connection string is set, and
/// by the tests (a throwaway cluster per run).
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    public const string SuperUser = "normative";
    private const int Port = 5432;
    private readonly string _clusterDirectory;
    private readonly string _socketDirectory;
    private readonly string _binDirectory;
    private readonly bool _fastAndUnsafe;
    private readonly Action<string> _log;
    private FileStream? _ownerLock;

    private LocalPostgres(string clusterDirectory, string socketDirectory, string binDirectory, bool fastAndUnsafe, Action<string> log)
    {
        _clusterDirectory = clusterDirectory;
        _socketDirectory = socketDirectory;
        _binDirectory = binDirectory;
        _fastAndUnsafe = fastAndUnsafe;
        _log = log;
    }

    public string ClusterDirectory => _clusterDirectory;

    /// <summary>True when this process started the cluster (or adopted it) and stops it at the end.</summary>
    public bool IsOwner => _ownerLock is not null;

    public string ConnectionString(string database = "normative") =>
        $"Host={_socketDirectory};Port={Port};Username={SuperUser};Database={database};Pooling=true;Maximum Pool Size=16;No Reset On Close=true";

    /// <summary>
    /// Prepares (initdb) and starts the cluster in <paramref name="dataDirectory"/>/postgres.
    /// <paramref name="fastAndUnsafe"/> turns off fsync: for throwaway test clusters only.
    /// </summary>
    public static async Task<LocalPostgres> StartAsync(string dataDirectory, bool fastAndUnsafe = false, Action<string>? log = null, CancellationToken ct = default)
    {
        log ??= _ => { };
        var bin = FindBinaries();
        Directory.CreateDirectory(dataDirectory);
        var clusterDirectory = ChooseClusterDirectory(Path.GetFullPath(dataDirectory), log);
        var socketDirectory = ChooseSocketDirectory(clusterDirectory);
        var pg = new LocalPostgres(clusterDirectory, socketDirectory, bin, fastAndUnsafe, log);
        await pg.InitializeAndStartAsync(ct);
        return pg;
    }

    public static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("NORMATIVE_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            // An explicit folder is not second-guessed: if it is wrong, say so.
            if (File.Exists(Path.Combine(configured, "initdb")) && File.Exists(Path.Combine(configured, "pg_ctl")))
            {
                return configured;
            }
            throw new PostgresNotInstalledException(
                $"NORMATIVE_PG_BIN is {configured}, but initdb and pg_ctl are not there. Point it at the PostgreSQL server's bin folder, " +
                "or install the server with 'sudo apt-get install postgresql'.");
        }
        var candidates = new List<string>();
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            // Debian keeps one folder per major version; the newest wins.
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        foreach (var dir in candidates)
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                return dir;
            }
        }
        throw new PostgresNotInstalledException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with " +
            "'sudo apt-get install postgresql' (Debian/Ubuntu), set NORMATIVE_PG_BIN to their folder, " +
            "or set ConnectionStrings__Normative to use an existing server.");
    }

    private static bool RunningAsRoot => Environment.UserName == "root" || GetEuid() == 0;

    private static uint GetEuid()
    {
        try
        {
            return uint.Parse(File.ReadAllLines("/proc/self/status")
                .First(l => l.StartsWith("Uid:", StringComparison.Ordinal))
                .Split('\t', StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            return uint.MaxValue;
        }
    }

    private static string ChooseClusterDirectory(string dataDirectory, Action<string> log)
    {
        var preferred = Path.Combine(dataDirectory, "postgres");
        if (!RunningAsRoot || OsUserCanReach("postgres", dataDirectory))
        {
            return preferred;
        }
        // PostgreSQL refuses to run as root, so as root the cluster belongs to the 'postgres' user,
        // which cannot enter folders such as /root. Keep the cluster in a place it can reach instead.
        var fallback = Path.Combine("/var/lib/normative", ShortHash(dataDirectory), "postgres");
        log($"The 'postgres' user cannot reach {dataDirectory}; the database cluster lives in {fallback}.");
        return fallback;
    }

    private static string ChooseSocketDirectory(string clusterDirectory)
    {
        // A Unix socket path is limited to 107 bytes.
        if ((clusterDirectory + "/.s.PGSQL.5432").Length <= 100)
        {
            return clusterDirectory;
        }
        return Path.Combine("/tmp", "normative-" + ShortHash(clusterDirectory));
    }

    private static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];

    private static bool OsUserCanReach(string user, string directory)
    {
        var result = Run("runuser", ["-u", user, "--", "test", "-x", directory], throwOnError: false);
        return result.ExitCode == 0;
    }

    private async Task InitializeAndStartAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_clusterDirectory);
        // One process at a time prepares or starts the cluster; the owner keeps this lock until it stops it.
        var lockPath = _clusterDirectory + ".lock";
        using (var startLock = await AcquireFileLockAsync(lockPath + ".start", TimeSpan.FromSeconds(120), ct))
        {
            const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            var initialized = File.Exists(Path.Combine(_clusterDirectory, "PG_VERSION"));
            foreach (var dir in new[] { _clusterDirectory, _socketDirectory }.Distinct())
            {
                Directory.CreateDirectory(dir);
                if (!initialized && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(dir, ownerOnly);
                    if (RunningAsRoot)
                    {
                        Run("chown", ["postgres:postgres", dir]);
                    }
                }
            }

            if (!initialized)
            {
                _log($"Creating the local PostgreSQL cluster in {_clusterDirectory}");
                RunPg("initdb", ["-D", _clusterDirectory, "-U", SuperUser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"]);
                var settings = new StringBuilder()
                    .AppendLine()
                    .AppendLine("# Written by Normative: socket only, in the cluster's own folder.")
                    .AppendLine("listen_addresses = ''")
                    .AppendLine($"unix_socket_directories = '{_socketDirectory}'")
                    .AppendLine("unix_socket_permissions = 0700")
                    .AppendLine($"port = {Port}")
                    .AppendLine("max_connections = 200")
                    .AppendLine("# Sized for this machine when the cluster was created: an eighth of its memory, 128 MB to 2 GB.")
                    .AppendLine(CultureInfo.InvariantCulture, $"shared_buffers = {SharedBuffersMegabytes(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)}MB");
                if (_fastAndUnsafe)
                {
                    settings.AppendLine("fsync = off").AppendLine("synchronous_commit = off").AppendLine("full_page_writes = off");
                }
                await File.AppendAllTextAsync(Path.Combine(_clusterDirectory, "postgresql.conf"), settings.ToString(), ct);
            }

            _ownerLock = TryAcquireFileLock(lockPath);
            if (RunPg("pg_ctl", ["status", "-D", _clusterDirectory], throwOnError: false).ExitCode != 0)
            {
                var logFile = Path.Combine(_clusterDirectory, "server.log");
                var result = RunPg("pg_ctl", ["start", "-D", _clusterDirectory, "-w", "-t", "60", "-l", logFile, "-s"], throwOnError: false);
                if (result.ExitCode != 0)
                {
                    var tail = File.Exists(logFile) ? string.Join(Environment.NewLine, File.ReadLines(logFile).TakeLast(5)) : "";
                    throw new InvalidOperationException($"The local PostgreSQL server in {_clusterDirectory} did not start: {result.Output.Trim()} {tail}".Trim());
                }
            }
        }
    }

    /// <summary>
    /// PostgreSQL's page cache for a machine with this much memory: an eighth of it, from PostgreSQL's own
    /// default of 128 MB up to 2 GB. The default alone holds less than a registry of a few million
    /// certificates reads: its searches then copy pages from the operating system's cache on every
    /// request (bench/RESULTS.md).
    /// </summary>
    internal static long SharedBuffersMegabytes(long memoryBytes) => Math.Clamp(memoryBytes / 8 / (1024 * 1024), 128, 2048);

    /// <summary>Stops the cluster if this process owns it and no other client is connected.</summary>
    public async Task StopAsync()
    {
        if (_ownerLock is null)
        {
            return;
        }
        try
        {
            if (await OtherClientsConnectedAsync())
            {
                _log("The local PostgreSQL server is still in use by another process; leaving it running.");
                return;
            }
            RunPg("pg_ctl", ["stop", "-D", _clusterDirectory, "-m", "fast", "-w", "-s"], throwOnError: false);
        }
        finally
        {
            _ownerLock.Dispose();
            _ownerLock = null;
        }
    }

    /// <summary>Stops the cluster at once, whoever owns it, and deletes its files: for throwaway clusters.</summary>
    public void Destroy()
    {
        RunPg("pg_ctl", ["stop", "-D", _clusterDirectory, "-m", "immediate", "-w", "-s"], throwOnError: false);
        _ownerLock?.Dispose();
        _ownerLock = null;
        try
        {
            Directory.Delete(_clusterDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<bool> OtherClientsConnectedAsync()
    {
        try
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var conn = new Npgsql.NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
            await conn.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()", conn);
            // The pools' own connections were just closed, but their backends take a moment to leave
            // pg_stat_activity: counted at once, this process's own last connections kept the server up.
            for (var attempt = 0; attempt < 20; attempt++)
            {
                if ((long)(await cmd.ExecuteScalarAsync() ?? 0L) == 0)
                {
                    return false;
                }
                await Task.Delay(100);
            }
            return true;
        }
        catch (Npgsql.NpgsqlException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private ProcessResult RunPg(string tool, string[] args, bool throwOnError = true)
    {
        var path = Path.Combine(_binDirectory, tool);
        return RunningAsRoot
            ? Run("runuser", ["-u", "postgres", "--", path, .. args], throwOnError)
            : Run(path, args, throwOnError);
    }

    private static ProcessResult Run(string file, string[] args, bool throwOnError = true)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["LC_ALL"] = "C.UTF-8";
        // Both streams are drained by the process's own readers while we wait: reading one to its end
        // first could block on a child that fills the other pipe. WaitForExit() without a timeout also
        // waits until both readers have seen the end of their stream.
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        p.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        if (!p.Start())
        {
            throw new InvalidOperationException($"Could not start {file}.");
        }
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        p.WaitForExit();
        var output = stdout.ToString() + stderr;
        if (throwOnError && p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({p.ExitCode}): {output.Trim()}");
        }
        return new ProcessResult(p.ExitCode, output);
    }

    private static FileStream? TryAcquireFileLock(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var stream = TryAcquireFileLock(path);
            if (stream is not null)
            {
                return stream;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Another process has held {path} for more than {timeout.TotalSeconds:0} s.");
            }
            await Task.Delay(100, ct);
        }
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (text)
        {
            text.AppendLine(line);
        }
    }

    private sealed record ProcessResult(int ExitCode, string Output);
}
