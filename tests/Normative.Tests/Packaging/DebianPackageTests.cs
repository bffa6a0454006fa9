using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Normative.Data;
using Npgsql;

namespace Normative.Tests.Packaging;

/// <summary>
/// The Debian package as a system administrator meets it: installed with apt-get onto this machine
/// (CI's machine is thrown away; a developer's must not already run Normative), configured through
/// /etc/normative/normative.env, migrated by its postinst, started as the service unit says (systemd
/// itself does not run here) against a private PostgreSQL server on loopback, then purged.
/// </summary>
public class DebianPackageTests
{
    private const string DatabasePassword = "package-test-passphrase";
    private const string WrittenByTheTest = "# Written by the package test.";

    [Fact]
    public async Task ThePackageInstallsMigratesStartsAsItsUnitSaysAndIsReady()
    {
        Assert.True(Environment.UserName == "root", "The package test installs a package: run it as root (./build.sh test).");
        await FinishInterruptedDpkgAsync();
        await PurgeWhatAStoppedRunLeftAsync();
        Assert.True((await RunAsync("dpkg-query", ["-W", "-f=${Status}", "normative"])).Output.Contains("installed", StringComparison.Ordinal) is false,
            "A normative package is installed on this machine; the package test would remove it.");
        var deb = Environment.GetEnvironmentVariable("NORMATIVE_DEB") is { Length: > 0 } given ? given : await BuildPackageAsync();
        var userExisted = (await RunAsync("id", ["normative"])).ExitCode == 0;
        var work = Directory.CreateTempSubdirectory("normative-package-");
        var sitePort = FreePort();
        var pg = new PrivatePostgres(work.FullName);
        Process? site = null;
        try
        {
            await pg.StartAsync();
            Directory.CreateDirectory("/etc/normative");
            await File.WriteAllTextAsync("/etc/normative/normative.env", $"""
                {WrittenByTheTest}
                ConnectionStrings__Normative="Host=127.0.0.1;Port={pg.Port};Database=normative;Username=normative;Password={DatabasePassword}"
                Site__BaseUrl=http://127.0.0.1:{sitePort}
                ASPNETCORE_URLS=http://127.0.0.1:{sitePort}
                Proxy__KnownProxies=127.0.0.1
                DataProtection__Certificate=/etc/normative/data-protection.pem
                Mail__PickupDirectory=/var/lib/normative/mail
                NORMATIVE_DATA=/var/lib/normative
                Metrics__AllowedAddresses=127.0.0.1
                """ + "\n");

            var install = await RunAsync("apt-get", ["install", "-y", "-q", "-o", "Dpkg::Options::=--force-confold", deb],
                new() { ["DEBIAN_FRONTEND"] = "noninteractive" }, TimeSpan.FromMinutes(4));
            Assert.True(install.ExitCode == 0, install.Output + install.Error);

            // postinst made the user and the key-encryption certificate, and migrated the configured database.
            Assert.Equal(0, (await RunAsync("id", ["normative"])).ExitCode);
            Assert.Equal("640 root normative", (await RunAsync("stat", ["-c", "%a %U %G", "/etc/normative/data-protection.pem"])).Output.Trim());
            Assert.True(await pg.ScalarAsync("SELECT count(*) FROM schema_migrations") > 0, "postinst did not run 'normative migrate'.");

            // The command on the PATH: clean stdout, usable in a pipe.
            var normalized = await RunAsync("/bin/sh", ["-c", "echo iso9001 | normative refs normalize"]);
            Assert.Equal(0, normalized.ExitCode);
            Assert.Equal("iso9001\tISO 9001\turn:iso:std:iso:9001\n", normalized.Output);

            var admin = await RunAsync("normative", ["users", "create", "--email", "admin@package.test", "--role", "Administrator", "--password", "a long package passphrase"]);
            Assert.True(admin.ExitCode == 0, admin.Error);
            var token = await RunAsync("normative", ["users", "token", "create", "--email", "admin@package.test", "--name", "package test"]);
            Assert.True(token.ExitCode == 0, token.Error);
            var secret = token.Output.Trim();
            Assert.Matches("^nrm_[A-Za-z0-9_-]+$", secret);

            site = StartAsTheUnitSays("/lib/systemd/system/normative.service");
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{sitePort}/"), Timeout = TimeSpan.FromSeconds(10) };
            var ready = await WaitForReadyAsync(http, site);
            Assert.Equal("Healthy", ready);

            using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/account");
            api.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(api)).StatusCode);
            // Production: AllowedHosts defaults to Site__BaseUrl's host, so a forged Host is refused.
            using var forged = new HttpRequestMessage(HttpMethod.Get, "/healthz/live");
            forged.Headers.Host = "evil.example";
            Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(forged)).StatusCode);
            var metrics = await http.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
            Assert.Contains("http_server_request_duration_seconds", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (site is not null && !site.HasExited)
            {
                site.Kill(entireProcessTree: true);
                await site.WaitForExitAsync();
            }
            await RunAsync("apt-get", ["purge", "-y", "-q", "normative"], new() { ["DEBIAN_FRONTEND"] = "noninteractive" }, TimeSpan.FromMinutes(2));
            if (!userExisted)
            {
                await RemoveUserAndDataAsync();
            }
            await pg.StopAsync();
            work.Delete(recursive: true);
        }
        Assert.False(Directory.Exists("/opt/normative"), "apt-get purge left /opt/normative behind.");
        Assert.False(File.Exists("/usr/bin/normative"));
    }

    /// <summary>
    /// A dpkg stopped half-way earlier leaves numbered files in its journal, and apt-get then refuses
    /// every install ("dpkg was interrupted"). The package test is not about that machine's past:
    /// finish the work as dpkg asks (build.sh does the same before installing anything).
    /// </summary>
    private static async Task FinishInterruptedDpkgAsync()
    {
        const string journal = "/var/lib/dpkg/updates";
        if (Directory.Exists(journal) && Directory.EnumerateFiles(journal).Any(f => Path.GetFileName(f).All(char.IsAsciiDigit)))
        {
            var configure = await RunAsync("dpkg", ["--force-confdef", "--force-confold", "--configure", "-a"],
                new() { ["DEBIAN_FRONTEND"] = "noninteractive" }, TimeSpan.FromMinutes(4));
            Assert.True(configure.ExitCode == 0, "dpkg was interrupted earlier and 'dpkg --configure -a' failed: " + configure.Output + configure.Error);
        }
    }

    /// <summary>
    /// A run of this test that was stopped before its purge (a killed test run) leaves the package and
    /// its settings behind; those settings are ours, marked on their first line, so purge them. A
    /// package someone configured is left alone, and the guard above refuses to go on.
    /// </summary>
    private static async Task PurgeWhatAStoppedRunLeftAsync()
    {
        const string settings = "/etc/normative/normative.env";
        if (!File.Exists(settings) || !File.ReadLines(settings).FirstOrDefault("").StartsWith(WrittenByTheTest, StringComparison.Ordinal))
        {
            return;
        }
        var purge = await RunAsync("apt-get", ["purge", "-y", "-q", "normative"], new() { ["DEBIAN_FRONTEND"] = "noninteractive" }, TimeSpan.FromMinutes(2));
        Assert.True(purge.ExitCode == 0, "The package a stopped run of this test left could not be purged: " + purge.Output + purge.Error);
        if (File.Exists(settings))
        {
            File.Delete(settings);
        }
        await RemoveUserAndDataAsync();
    }

    /// <summary>What purge leaves on purpose (postinst's user and its data folders), when the test made them.</summary>
    private static async Task RemoveUserAndDataAsync()
    {
        await RunAsync("userdel", ["normative"]);
        await RunAsync("groupdel", ["normative"]);
        await RunAsync("rm", ["-rf", "/var/lib/normative", "/var/backups/normative"]);
    }

    /// <summary>ExecStart, as User, in WorkingDirectory, with EnvironmentFile and Environment: what systemd would run.</summary>
    private static Process StartAsTheUnitSays(string unitFile)
    {
        var unit = File.ReadAllLines(unitFile)
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'))
            .Select(l => (Key: l[..l.IndexOf('=', StringComparison.Ordinal)].Trim(), Value: l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim()))
            .ToList();
        string One(string key) => unit.Single(u => u.Key == key).Value;
        var environment = new List<string>();
        foreach (var line in File.ReadAllLines(One("EnvironmentFile")))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }
            var eq = trimmed.IndexOf('=', StringComparison.Ordinal);
            var value = trimmed[(eq + 1)..];
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1];
            }
            environment.Add(trimmed[..eq] + "=" + value);
        }
        environment.AddRange(unit.Where(u => u.Key == "Environment").SelectMany(u => u.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        environment.Add("PATH=/usr/local/bin:/usr/bin:/bin");

        var psi = new ProcessStartInfo("runuser") { WorkingDirectory = One("WorkingDirectory"), UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-u", One("User"), "--", "env", "-i", .. environment, .. One("ExecStart").Split(' ', StringSplitOptions.RemoveEmptyEntries)])
        {
            psi.ArgumentList.Add(a);
        }
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<string> WaitForReadyAsync(HttpClient http, Process site)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(site.HasExited, $"The service stopped with exit code {(site.HasExited ? site.ExitCode : 0)}.");
            try
            {
                var response = await http.GetAsync("/healthz/ready");
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadAsStringAsync();
                }
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("The installed site did not become ready: " + last);
    }

    private static async Task<string> BuildPackageAsync()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Normative.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The source tree was not found.");
        }
        var built = await RunAsync(Path.Combine(root, "build.sh"), ["package"], timeout: TimeSpan.FromMinutes(6));
        Assert.True(built.ExitCode == 0, built.Error);
        return Path.Combine(root, built.Output.Trim().Split('\n')[^1]);
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private sealed record Result(int ExitCode, string Output, string Error);

    private static async Task<Result> RunAsync(string program, IEnumerable<string> args, Dictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var (key, value) in environment ?? [])
        {
            psi.Environment[key] = value;
        }
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(cancel.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>A PostgreSQL server of the test's own on a loopback port, with a password-protected 'normative' role.</summary>
    private sealed class PrivatePostgres(string folder)
    {
        private readonly string _data = Path.Combine(folder, "pg");
        private readonly string _bin = LocalPostgres.FindBinaries();
        public int Port { get; } = FreePort();

        public async Task StartAsync()
        {
            Directory.CreateDirectory(_data);
            await RunAsync("chown", ["postgres:postgres", _data]);
            await RunAsync("chmod", ["0755", folder]);
            var init = await RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, "initdb"), "-D", _data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"]);
            Assert.True(init.ExitCode == 0, init.Error);
            var start = await RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, "pg_ctl"), "-D", _data, "-w", "-l", Path.Combine(_data, "server.log"),
                "-o", $"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories={_data} -c fsync=off", "start"]);
            Assert.True(start.ExitCode == 0, start.Output + start.Error);
            await using var conn = new NpgsqlConnection($"Host={_data};Port={Port};Username=postgres;Database=postgres;Pooling=false");
            await conn.OpenAsync();
            foreach (var sql in new[] { $"CREATE ROLE normative LOGIN PASSWORD '{DatabasePassword}'", "CREATE DATABASE normative OWNER normative" })
            {
                await using var cmd = new NpgsqlCommand(sql, conn);
                await cmd.ExecuteNonQueryAsync();
            }
        }

        public async Task<long> ScalarAsync(string sql)
        {
            await using var conn = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=normative;Password={DatabasePassword};Database=normative;Pooling=false");
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, conn);
            return (long)(await cmd.ExecuteScalarAsync())!;
        }

        public Task StopAsync() =>
            RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, "pg_ctl"), "-D", _data, "-m", "immediate", "-w", "stop"]);
    }
}
