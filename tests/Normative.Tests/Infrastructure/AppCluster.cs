using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Normative.Tests.Infrastructure;

/// <summary>
/// Normative as a cluster on loopback, from Debian's packages: an empty database on the test run's
/// PostgreSQL (<see cref="TestCluster"/>), PgBouncer in transaction mode in front of it, app nodes as real `normative` processes in Production, and HAProxy in front of them with health
/// checks on /healthz/ready. HAProxy names the node that answered in X-Normative-Node.
/// </summary>
public sealed class AppCluster : IAsyncDisposable
{
    public const string PgBouncerPath = "/usr/sbin/pgbouncer";
    public const string HaproxyPath = "/usr/sbin/haproxy";

    /// <summary>How often HAProxy checks a node, and how many checks in a row mark it down or up.</summary>
    public const int CheckMilliseconds = 500;
    public const int ChecksToChangeState = 2;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "normative-cluster-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly Dictionary<string, Process> _nodes = [];
    private readonly Dictionary<string, int> _nodePorts = [];
    private readonly StringBuilder _nodeLog = new();
    private Process? _pgbouncer;
    private Process? _haproxy;
    private string _certificate = "";

    /// <summary>The database straight on PostgreSQL (a Unix socket), for `normative migrate` and the test's own SQL.</summary>
    public string DirectConnectionString { get; private set; } = "";

    public int BalancerPort { get; } = FreePort();

    public int PgBouncerPort { get; } = FreePort();

    public string MailFolder => Path.Combine(_root, "mail");

    /// <summary>The nodes' connection string: PgBouncer, not PostgreSQL.</summary>
    public string PooledConnectionString => $"Host=127.0.0.1;Port={PgBouncerPort};Username=normative;Database=normative;No Reset On Close=true;Maximum Pool Size=20;Timeout=5";

    public Uri BalancerAddress => new($"http://127.0.0.1:{BalancerPort}/");

    public Uri NodeAddress(string name) => new($"http://127.0.0.1:{_nodePorts[name]}/");

    /// <summary>What the nodes wrote to stdout and stderr, for a failure's message.</summary>
    public string NodeLog
    {
        get
        {
            lock (_nodeLog)
            {
                return _nodeLog.ToString();
            }
        }
    }

    /// <summary>Fails, rather than skips, when a tool the cluster needs is not installed.</summary>
    public static void RequireTools()
    {
        var missing = new[] { PgBouncerPath, HaproxyPath }.Where(p => !File.Exists(p)).ToList();
        Assert.True(missing.Count == 0,
            $"The cluster test needs {string.Join(" and ", missing)}: install Debian's packages with `apt-get install pgbouncer haproxy` (./build.sh test does).");
    }

    public async Task StartDatabaseAsync()
    {
        RequireTools();
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(MailFolder);
        DirectConnectionString = await TestCluster.CreateDatabaseAsync(migrated: false);
        _certificate = TestCertificates.Write(_root).Pem;
        StartPgBouncer(new NpgsqlConnectionStringBuilder(DirectConnectionString));
    }

    /// <summary>The settings every node gets (as an env file would give them).</summary>
    public Dictionary<string, string> NodeEnvironment(string connectionString) => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Normative"] = connectionString,
        ["Database__MigrateOnStart"] = "false",
        ["Database__PrepareStatements"] = "false",
        ["Site__BaseUrl"] = BalancerAddress.ToString().TrimEnd('/'),
        ["DataProtection__Certificate"] = _certificate,
        ["Mail__PickupDirectory"] = MailFolder,
        ["Mail__PollSeconds"] = "0.2",
        ["Content__Updates__MailingPollSeconds"] = "0.5",
        ["Proxy__KnownProxies"] = "127.0.0.1",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>`normative migrate` straight against PostgreSQL, as the README says (the migrator's lock is session-level).</summary>
    public async Task MigrateAsync()
    {
        var result = await CliProcess.RunAsync(null, NodeEnvironment(DirectConnectionString), "migrate");
        Assert.True(result.ExitCode == 0, "normative migrate failed: " + result.Error);
    }

    public void StartNode(string name)
    {
        if (!_nodePorts.TryGetValue(name, out var port))
        {
            port = _nodePorts[name] = FreePort();
        }
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Normative.dll"), "--urls", $"http://127.0.0.1:{port}" })
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        psi.Environment.Remove("NORMATIVE_DATABASE");
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["NORMATIVE_DATA"] = Path.Combine(_root, "node-" + name);
        foreach (var (key, value) in NodeEnvironment(PooledConnectionString))
        {
            psi.Environment[key] = value;
        }
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => Log(name, e.Data);
        process.ErrorDataReceived += (_, e) => Log(name, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _nodes[name] = process;
    }

    private void Log(string node, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_nodeLog)
        {
            _nodeLog.Append(node).Append(": ").AppendLine(line);
        }
    }

    /// <summary>SIGKILL: the node ends at once, with requests in flight, as in a crash.</summary>
    public void KillNode(string name)
    {
        var process = _nodes[name];
        process.Kill();
        process.WaitForExit();
    }

    /// <summary>Waits until the node itself answers 200 on /healthz/ready.</summary>
    public async Task WaitUntilReadyAsync(string name, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = NodeAddress(name), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Assert.False(_nodes[name].HasExited, $"Node {name} stopped (exit code {(_nodes[name].HasExited ? _nodes[name].ExitCode : 0)}):\n{NodeLog}");
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
            Assert.True(DateTime.UtcNow < deadline, $"Node {name} was not ready within {timeout.TotalSeconds:0} s:\n{NodeLog}");
            await Task.Delay(200);
        }
    }

    /// <summary>Waits until requests through the balancer have been answered by each of <paramref name="names"/>.</summary>
    public async Task WaitUntilBalancedAsync(TimeSpan timeout, params string[] names)
    {
        using var http = new HttpClient { BaseAddress = BalancerAddress, Timeout = TimeSpan.FromSeconds(2) };
        var seen = new HashSet<string>();
        var deadline = DateTime.UtcNow + timeout;
        while (!names.All(seen.Contains))
        {
            try
            {
                var response = await http.GetAsync("/healthz/live");
                if (response.Headers.TryGetValues("X-Normative-Node", out var node))
                {
                    seen.Add(node.Single());
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            Assert.True(DateTime.UtcNow < deadline, $"The balancer did not send requests to {string.Join(", ", names.Except(seen))} within {timeout.TotalSeconds:0} s.");
            await Task.Delay(50);
        }
    }

    public void StartBalancer(params string[] names)
    {
        var config = Path.Combine(_root, "haproxy.cfg");
        var servers = string.Join("\n", names.Select(n => $"    server {n} 127.0.0.1:{_nodePorts[n]} check"));
        // The node that answered is named in a header, so a test sees where requests went. A request
        // whose connection fails (a killed node) is tried again on another node: retry-on and redispatch.
        File.WriteAllText(config, $"""
            global
                maxconn 2000
            defaults
                mode http
                timeout connect 1s
                timeout check 3s
                timeout client 30s
                timeout server 30s
                retries 3
                option redispatch 1
                retry-on conn-failure empty-response response-timeout
            frontend web
                bind 127.0.0.1:{BalancerPort}
                default_backend nodes
            backend nodes
                balance roundrobin
                option httpchk
                http-check send meth GET uri /healthz/ready ver HTTP/1.1 hdr Host 127.0.0.1
                default-server inter {CheckMilliseconds} fall {ChecksToChangeState} rise {ChecksToChangeState}
                http-response set-header X-Normative-Node %[srv_name]
            {servers}

            """);
        _haproxy = StartTool(HaproxyPath, ["-db", "-f", config]);
    }

    /// <summary>PgBouncer in transaction mode in front of <paramref name="database"/>, offered as 'normative'.</summary>
    private void StartPgBouncer(NpgsqlConnectionStringBuilder database)
    {
        WritePgBouncerConfig(database);
        // PgBouncer refuses to run as root; -u makes it switch to the user PostgreSQL runs as.
        var asRoot = Environment.UserName == "root";
        _pgbouncer = StartTool(PgBouncerPath, asRoot ? ["-u", "postgres", PgBouncerConfig] : [PgBouncerConfig]);
    }

    private string PgBouncerConfig => Path.Combine(_root, "pgbouncer.ini");

    private void WritePgBouncerConfig(NpgsqlConnectionStringBuilder database)
    {
        var users = Path.Combine(_root, "userlist.txt");
        File.WriteAllText(users, "\"normative\" \"\"\n");
        File.WriteAllText(PgBouncerConfig, $"""
            [databases]
            normative = host={database.Host} port={database.Port} dbname={database.Database} user={database.Username}
            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {PgBouncerPort}
            unix_socket_dir =
            auth_type = trust
            auth_file = {users}
            pool_mode = transaction
            max_client_conn = 500
            default_pool_size = 20
            server_connect_timeout = 2
            ignore_startup_parameters = extra_float_digits

            """);
    }

    private Process StartTool(string path, string[] args)
    {
        var psi = new ProcessStartInfo(path) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        var process = Process.Start(psi)!;
        var name = Path.GetFileName(path);
        process.OutputDataReceived += (_, e) => Log(name, e.Data);
        process.ErrorDataReceived += (_, e) => Log(name, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _nodes.Values.Append(_haproxy).Append(_pgbouncer).OfType<Process>())
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
