using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;

namespace Normative.Data;

/// <summary>
/// `normative backup FILE` and `normative restore FILE`. A backup is a tar file holding a pg_dump of
/// the database in PostgreSQL's custom format (every table, uploaded PDFs included: the store keeps
/// them in source_files), the files of the mail pickup folder, and a manifest with the row count of
/// each table and the SHA-256 of each file, taken from the same snapshot as the dump. A restore
/// checks every checksum before it changes anything, refuses a database that already holds data
/// unless told to replace it (and then saves what was there first), and compares the row counts
/// after.
/// </summary>
public static class Backup
{
    public const string Format = "normative-backup/1";
    private const string DumpName = "database.pgdump";
    private const string ManifestName = "manifest.json";
    private const string FilesFolder = "files/mail";

    /// <summary>Tables that migrations fill; a database holding only these rows counts as empty.</summary>
    private static readonly HashSet<string> Seeded = ["schema_migrations", "data_protection_keys", "roles", "sector_mappings", "catalogue_state", "price_bands", "delivery_times",
        "shipping_zones", "shipping_zone_countries", "shipping_rates"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public sealed record FileEntry(string Path, long Size, string Sha256);

    public sealed record Manifest(string Format, DateTimeOffset CreatedAt, int ServerVersion, string DumpSha256,
        IReadOnlyList<string> Migrations, IReadOnlyDictionary<string, long> Rows, IReadOnlyList<FileEntry> Files);

    public sealed record Summary(int Tables, long Rows, int Files);

    public static async Task<Summary> CreateAsync(NormativeDatabase database, string pickupDirectory, string file, CancellationToken ct)
    {
        var dataSource = database.DataSource;
        var work = Directory.CreateTempSubdirectory("normative-backup-");
        try
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            // One snapshot for the counts and the dump, so the manifest describes exactly what was dumped.
            await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
            var snapshot = (string)(await Scalar(conn, tx, "SELECT pg_export_snapshot()", ct))!;
            var serverVersion = conn.PostgreSqlVersion.Major;
            var rows = await CountRowsAsync(conn, tx, ct);
            var migrations = new List<string>();
            if (rows.ContainsKey("schema_migrations"))
            {
                await using var cmd = new NpgsqlCommand("SELECT name FROM schema_migrations ORDER BY version", conn, tx);
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    migrations.Add(reader.GetString(0));
                }
            }

            var dump = Path.Combine(work.FullName, DumpName);
            var csb = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            await PostgresTools.RunAsync(PostgresTools.Find("pg_dump", serverVersion),
                ["--format=custom", "--no-owner", "--no-privileges", "--snapshot=" + snapshot, "--file=" + dump],
                PostgresTools.Environment(csb), ct);
            await tx.CommitAsync(ct);

            var files = new List<FileEntry>();
            if (Directory.Exists(pickupDirectory))
            {
                foreach (var source in Directory.EnumerateFiles(pickupDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    var relative = Path.GetRelativePath(pickupDirectory, source).Replace('\\', '/');
                    var target = Path.Combine(work.FullName, FilesFolder, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(source, target);
                    files.Add(new FileEntry($"{FilesFolder}/{relative}", new FileInfo(target).Length, await Sha256Async(target, ct)));
                }
            }
            var manifest = new Manifest(Format, DateTimeOffset.UtcNow, serverVersion, await Sha256Async(dump, ct), migrations, rows, files);
            await File.WriteAllTextAsync(Path.Combine(work.FullName, ManifestName), JsonSerializer.Serialize(manifest, Json), ct);

            // Written beside the target and renamed, so a failed backup never leaves half a file under its name.
            var full = Path.GetFullPath(file);
            var partial = full + ".partial";
            await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                if (!OperatingSystem.IsWindows())
                {
                    // Password hashes and the receipt-signing key are in it: owner only.
                    File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
                await TarFile.CreateFromDirectoryAsync(work.FullName, output, includeBaseDirectory: false, ct);
            }
            File.Move(partial, full, overwrite: true);
            return new Summary(rows.Count, rows.Values.Sum(), files.Count);
        }
        catch (IOException e)
        {
            throw new BackupException($"Cannot write the backup {file}: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new BackupException($"Cannot write the backup {file}: {e.Message}", e);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <param name="replace">Replace a database that holds data; what it held is first saved in <paramref name="savedTo"/>.</param>
    /// <param name="savedTo">Where the previous content goes when it is replaced.</param>
    public static async Task<Summary> RestoreAsync(NormativeDatabase database, string pickupDirectory, string file, bool replace, string savedTo,
        Action<string> say, CancellationToken ct)
    {
        var dataSource = database.DataSource;
        if (!File.Exists(file))
        {
            throw new BackupException($"{file} does not exist.");
        }
        var work = Directory.CreateTempSubdirectory("normative-restore-");
        try
        {
            try
            {
                await TarFile.ExtractToDirectoryAsync(file, work.FullName, overwriteFiles: false, ct);
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or IOException)
            {
                throw new BackupException($"{file} is not a Normative backup (not a readable tar file): {e.Message}", e);
            }
            var manifest = await ReadManifestAsync(work.FullName, file, ct);
            var dump = Path.Combine(work.FullName, DumpName);
            if (!File.Exists(dump) || await Sha256Async(dump, ct) != manifest.DumpSha256)
            {
                throw new BackupException($"{file} is damaged: the database dump does not match its checksum. Nothing was changed.");
            }
            foreach (var entry in manifest.Files)
            {
                var path = Path.Combine(work.FullName, entry.Path);
                if (!entry.Path.StartsWith(FilesFolder + "/", StringComparison.Ordinal) || !File.Exists(path) || await Sha256Async(path, ct) != entry.Sha256)
                {
                    throw new BackupException($"{file} is damaged: {entry.Path} does not match its checksum. Nothing was changed.");
                }
            }

            await using (var conn = await dataSource.OpenConnectionAsync(ct))
            {
                var current = await CountRowsAsync(conn, null, ct);
                var data = current.Where(t => t.Value > 0 && !Seeded.Contains(t.Key)).OrderByDescending(t => t.Value).ToList();
                if (data.Count > 0)
                {
                    if (!replace)
                    {
                        throw new BackupException(
                            $"The database '{conn.Database}' already holds data ({string.Join(", ", data.Take(4).Select(t => $"{t.Key}: {t.Value} rows"))}{(data.Count > 4 ? ", …" : "")}). " +
                            "Restore refuses to overwrite it; add --replace to replace everything in it (what it holds now is saved first).");
                    }
                    await CreateAsync(database, pickupDirectory, savedTo, ct);
                    say($"What the database held before is saved in {savedTo}.");
                }
                if (current.Count > 0)
                {
                    await using var cmd = new NpgsqlCommand("SET lock_timeout = '15s'; DROP SCHEMA public CASCADE; CREATE SCHEMA public;", conn);
                    try
                    {
                        await cmd.ExecuteNonQueryAsync(ct);
                    }
                    catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
                    {
                        throw new BackupException("The database is in use: stop the site first (systemctl stop normative), then restore.", e);
                    }
                }
            }
            NpgsqlConnection.ClearAllPools();

            var csb = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            await PostgresTools.RunAsync(PostgresTools.Find("pg_restore", manifest.ServerVersion),
                ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname=" + csb.Database, dump],
                PostgresTools.Environment(csb), ct);

            foreach (var entry in manifest.Files)
            {
                var target = Path.Combine(pickupDirectory, entry.Path[(FilesFolder.Length + 1)..]);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(work.FullName, entry.Path), target, overwrite: true);
            }

            await using (var conn = await dataSource.OpenConnectionAsync(ct))
            {
                var restored = await CountRowsAsync(conn, null, ct);
                var wrong = manifest.Rows.Where(t => restored.GetValueOrDefault(t.Key, -1) != t.Value).Select(t => t.Key).ToList();
                if (wrong.Count > 0)
                {
                    throw new BackupException($"The restored database does not hold what the backup lists (tables {string.Join(", ", wrong)}).");
                }
            }
            return new Summary(manifest.Rows.Count, manifest.Rows.Values.Sum(), manifest.Files.Count);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The number of rows in every table of the public schema.</summary>
    public static async Task<Dictionary<string, long>> CountRowsAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, CancellationToken ct)
    {
        var tables = new List<string>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", conn, tx))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        if (tables.Count == 0)
        {
            return rows;
        }
        // One statement for all tables; the names come from the catalogue and are quoted as identifiers.
        var sql = string.Join(" UNION ALL ", tables.Select((t, i) => $"SELECT {i} AS n, count(*) FROM public.\"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
        await using (var cmd = new NpgsqlCommand(sql, conn, tx))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows[tables[reader.GetInt32(0)]] = reader.GetInt64(1);
            }
        }
        return rows;
    }

    private static async Task<Manifest> ReadManifestAsync(string folder, string file, CancellationToken ct)
    {
        var path = Path.Combine(folder, ManifestName);
        Manifest? manifest = null;
        try
        {
            manifest = File.Exists(path) ? JsonSerializer.Deserialize<Manifest>(await File.ReadAllTextAsync(path, ct), Json) : null;
        }
        catch (JsonException)
        {
        }
        if (manifest?.Format != Format)
        {
            throw new BackupException($"{file} is not a Normative backup (no {Format} manifest).");
        }
        return manifest;
    }

    private static async Task<object?> Scalar(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        return await cmd.ExecuteScalarAsync(ct);
    }

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
