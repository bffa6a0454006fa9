using System.Diagnostics;
using Npgsql;

namespace Normative.Data;

/// <summary>
/// pg_dump and pg_restore, run with the connection of the configured data source. A client at least
/// as new as the server is needed, so the server's own major version is looked for first.
/// </summary>
public static class PostgresTools
{
    public static string Find(string tool, int serverMajor)
    {
        var candidates = new List<string>();
        if (System.Environment.GetEnvironmentVariable("NORMATIVE_PG_BIN") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => d.Version >= serverMajor)
                .OrderBy(d => d.Version != serverMajor).ThenByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin")));
        }
        candidates.AddRange((System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        return candidates.Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists)
            ?? throw new BackupException($"{tool} (PostgreSQL {serverMajor} or newer) was not found. Install it with 'apt-get install postgresql-client', or set NORMATIVE_PG_BIN to its folder.");
    }

    /// <summary>The libpq environment for a connection string: the password never appears on a command line.</summary>
    public static Dictionary<string, string> Environment(NpgsqlConnectionStringBuilder csb)
    {
        var env = new Dictionary<string, string>
        {
            ["PGHOST"] = (csb.Host ?? "localhost").Split(',')[0].Split(':')[0],
            ["PGPORT"] = csb.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGDATABASE"] = csb.Database ?? "",
            ["PGUSER"] = csb.Username ?? System.Environment.UserName,
            ["PGAPPNAME"] = "normative-backup",
            ["PGSSLMODE"] = csb.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            },
        };
        if (!string.IsNullOrEmpty(csb.Password))
        {
            env["PGPASSWORD"] = csb.Password;
        }
        return env;
    }

    public static async Task RunAsync(string program, IEnumerable<string> arguments, Dictionary<string, string> environment, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }
        using var process = Process.Start(psi) ?? throw new BackupException($"{program} could not be started.");
        var error = process.StandardError.ReadToEndAsync(ct);
        var output = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            var text = (await error).Trim();
            throw new BackupException($"{Path.GetFileName(program)} failed (exit code {process.ExitCode}): {(text.Length > 0 ? text : (await output).Trim())}");
        }
    }
}
