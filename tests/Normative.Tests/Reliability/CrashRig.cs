using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Normative.Data;
using Normative.Tests.Infrastructure;
using Npgsql;

namespace Normative.Tests.Reliability;

/// <summary>
/// Things a crash test may kill: a PostgreSQL server of its own (fsync and synchronous commit on, as
/// in production, unlike the test run's shared cluster) and the app as a real `normative` process in
/// Production on loopback. Also an in-process app on the same database for the test's own set-up
/// (its helpers and its DbContext), with its mail and job workers off so that only the process
/// under test sends mail and runs jobs.
/// </summary>
public sealed class CrashRig : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "normative-crash-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly StringBuilder _appLog = new();
    private LocalPostgres? _postgres;
    private Process? _app;
    private string _certificate = "";

    public int Port { get; } = FreePort();

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public string MailFolder => Path.Combine(_root, "mail");

    public string ConnectionString { get; private set; } = "";

    /// <summary>The in-process app on the same database, for set-up and for reading what was saved.</summary>
    public SetUpFactory SetUp { get; private set; } = null!;

    /// <summary>How many times the app process was started.</summary>
    public int AppStarts { get; private set; }

    public string AppLog
    {
        get
        {
            lock (_appLog)
            {
                return _appLog.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(MailFolder);
        _postgres = await LocalPostgres.StartAsync(Path.Combine(_root, "data"));
        await using (var conn = new NpgsqlConnection(_postgres.ConnectionString("postgres") + ";Pooling=false"))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE normative", conn);
            await create.ExecuteNonQueryAsync();
        }
        ConnectionString = _postgres.ConnectionString() + ";Maximum Pool Size=40;Timeout=5";
        await using (var source = NpgsqlDataSource.Create(ConnectionString))
        {
            await new Migrator(source, NullLogger<Migrator>.Instance).MigrateAsync();
        }
        _certificate = TestCertificates.Write(_root).Pem;
        SetUp = new SetUpFactory(ConnectionString);
    }

    /// <summary>The settings of the process under test, as an env file would give them.</summary>
    public Dictionary<string, string> Environment() => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Normative"] = ConnectionString,
        ["Database__MigrateOnStart"] = "false",
        ["Site__BaseUrl"] = Address.ToString().TrimEnd('/'),
        ["DataProtection__Certificate"] = _certificate,
        ["Mail__PickupDirectory"] = MailFolder,
        ["Mail__PollSeconds"] = "0.2",
        ["Mail__RetryBaseSeconds"] = "0",
        ["Development__Jobs__IntervalSeconds"] = "1",
        ["Store__TestProvider"] = "true",
        // Hundreds of buyers sign in from this one address within a minute.
        ["Accounts__FormPostsPerMinute"] = "100000",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public void StartApp()
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Normative.dll"), "--urls", Address.ToString().TrimEnd('/') })
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        psi.Environment.Remove("NORMATIVE_DATABASE");
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["NORMATIVE_DATA"] = Path.Combine(_root, "app");
        foreach (var (key, value) in Environment())
        {
            psi.Environment[key] = value;
        }
        _app = Start(psi, "app");
        AppStarts++;
    }

    /// <summary>SIGKILL: the process ends at once, with requests and jobs in flight.</summary>
    public void KillApp()
    {
        _app!.Kill();
        _app.WaitForExit();
    }

    /// <summary>Waits until the app answers 200 on /healthz/ready; fails with its log if it stopped or did not get there.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Assert.False(_app!.HasExited, $"The app stopped (exit code {(_app.HasExited ? _app.ExitCode : 0)}):\n{AppLog}");
            try
            {
                if ((await http.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            Assert.True(DateTime.UtcNow < deadline, $"The app was not ready within {timeout.TotalSeconds:0} s:\n{AppLog}");
            await Task.Delay(100);
        }
    }

    public bool AppRunning => _app is { HasExited: false };

    /// <summary>`pg_ctl stop -m immediate`: every server process ends at once, without a checkpoint, as in a power cut of the database alone.</summary>
    public Task StopPostgresImmediatelyAsync() => PgCtlAsync("stop", "-D", _postgres!.ClusterDirectory, "-m", "immediate", "-w", "-s");

    /// <summary>Starts the stopped server again; it replays its write-ahead log before it accepts connections.</summary>
    public async Task StartPostgresAsync()
    {
        await PgCtlAsync("start", "-D", _postgres!.ClusterDirectory, "-w", "-t", "60", "-s", "-l", Path.Combine(_postgres.ClusterDirectory, "server.log"));
        // The set-up app's idle connections died with the server.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
    }

    /// <summary>A `normative` command run as its own process, so that it can be killed; the caller waits for it.</summary>
    public Process StartCommand(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Normative.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["NORMATIVE_DATA"] = Path.Combine(_root, "cli");
        foreach (var (key, value) in Environment())
        {
            psi.Environment[key] = value;
        }
        return Start(psi, args[0]);
    }

    private Process Start(ProcessStartInfo psi, string name)
    {
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => Log(name, e.Data);
        process.ErrorDataReceived += (_, e) => Log(name, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Log(string source, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_appLog)
        {
            _appLog.Append(source).Append(": ").AppendLine(line);
        }
    }

    private static async Task PgCtlAsync(params string[] args)
    {
        var pgCtl = Path.Combine(LocalPostgres.FindBinaries(), "pg_ctl");
        // PostgreSQL refuses to run as root; LocalPostgres gives the cluster to the 'postgres' user then.
        var asRoot = System.Environment.UserName == "root";
        var psi = new ProcessStartInfo(asRoot ? "runuser" : pgCtl) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var a in asRoot ? ["-u", "postgres", "--", pgCtl, .. args] : args)
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_ctl {string.Join(' ', args)} failed: {await output} {await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (_app is { HasExited: false })
        {
            _app.Kill();
            await _app.WaitForExitAsync();
        }
        _app?.Dispose();
        // Null when the server did not start.
        if (SetUp is not null)
        {
            await SetUp.DisposeAsync();
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        }
        _postgres?.Destroy();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The app in-process on the rig's database, with the workers that send mail or run jobs turned off.</summary>
    public sealed class SetUpFactory(string connectionString) : NormativeFactory
    {
        // Not the base's settings: those would make a database on the test run's shared cluster, which this app does not use.
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Normative:DataDirectory", DataDirectory);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Accounts:StaffTwoFactor", "false");
            foreach (var (key, value) in new Dictionary<string, string>
            {
                ["ConnectionStrings:Normative"] = connectionString,
                ["Database:MigrateOnStart"] = "false",
                ["Mail:Worker"] = "false",
                ["Development:Jobs:Enabled"] = "false",
                ["Store:Alerts:Enabled"] = "false",
                ["Content:Updates:DigestEnabled"] = "false",
                ["Content:Updates:MailingWorker"] = "false",
                ["Content:Updates:CleanupEnabled"] = "false",
                ["Certification:ExpiryJob:Enabled"] = "false",
            })
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
